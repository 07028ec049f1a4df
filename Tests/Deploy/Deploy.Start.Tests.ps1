# The default path: Deploy.ps1 starts the local environment itself (detached), then reuses it on the next run.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $script:Zips = New-PackedZips
    $script:Data = Join-Path (New-TestDirectory 'start') 'local-data'
    function Deploy([string[]] $More = @()) {
        Invoke-DeployScript -Arguments (@('-LocalDataDirectory', $script:Data, '-Port', '0', '-SkipBuild', '-SkipTests', '-SolutionFile', (Join-Path $script:Zips 'Rapport_managed.zip')) + $More)
    }
}

AfterAll {
    $state = Join-Path $script:Data 'local.json'
    if (Test-Path $state) { Stop-Process -Id (Get-Content $state -Raw | ConvertFrom-Json).pid -ErrorAction Ignore }
}

Describe 'The local environment started and reused by Deploy.ps1' {
    It 'starts it detached, imports, and prints the URL and how to stop it' {
        $r = Deploy @('-Sample', 'sales')
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $r.Output | Should -Match '==> Starting the local environment'
        $r.Output | Should -Match 'Open:\s+http://127\.0\.0\.1:\d+/rapport/signin\?code=[A-Za-z0-9_-]+'
        $r.Output | Should -Match 'Web API:\s+http://127\.0\.0\.1:\d+/api/data/v9\.2/'
        $r.Output | Should -Match 'Stop it:\s+kill \d+'
        $state = Get-Content (Join-Path $Data 'local.json') -Raw | ConvertFrom-Json
        Get-Process -Id $state.pid | Should -Not -BeNullOrEmpty -Because 'the environment outlives the script'
        $r.Output | Should -Not -Match ([regex]::Escape($state.token))
        Get-Content (Join-Path $Data 'local.log') -Raw | Should -Not -Match ([regex]::Escape($state.token))
        $env = [pscustomobject]@{ Url = $state.url; Token = $state.token }
        (Get-Solutions $env | Where-Object uniquename -eq 'Rapport').version | Should -Be '1.0.0.0'
        # The printed link signs a browser in once: cookie, redirect to the landing page, which lists the sample's accounts.
        $link = [regex]::Match(($r.Output -join "`n"), 'Open:\s+(\S+)').Groups[1].Value
        $landing = Invoke-WebRequest -Uri $link -SessionVariable browser -SkipHttpErrorCheck
        $landing.StatusCode | Should -Be 200
        $landing.BaseResponse.RequestMessage.RequestUri.AbsolutePath | Should -Be '/rapport/'
        $landing.Content | Should -Match 'Recent accounts'
        (Invoke-WebRequest -Uri "$($state.url)/rapport/" -WebSession $browser -SkipHttpErrorCheck).StatusCode | Should -Be 200 -Because 'the session cookie signs in'
        (Invoke-WebRequest -Uri $link -SkipHttpErrorCheck).StatusCode | Should -Be 401 -Because 'the link works once'
        $secure = ConvertTo-SecureString $state.token -AsPlainText -Force
        $accounts = Invoke-RestMethod -Uri "$($state.url)/api/data/v9.2/accounts?`$select=name&`$top=5" -Authentication Bearer -Token $secure -AllowUnencryptedAuthentication
        @($accounts.value).Count | Should -BeGreaterThan 0 -Because '-Sample sales seeded accounts'
    }

    It 'reuses the running one on the next deploy' {
        $pidBefore = (Get-Content (Join-Path $Data 'local.json') -Raw | ConvertFrom-Json).pid
        $r = Deploy
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $r.Output | Should -Match "==> Reusing the local environment at http://127\.0\.0\.1:\d+ \(pid $pidBefore\)"
        $r.Output | Should -Not -Match 'Starting the local environment'
        $r.Output | Should -Match 'Change:\s+same version re-imported'
    }
}
