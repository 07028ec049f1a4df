# Service protection: a local environment answering every 3rd Web API request with 429 + Retry-After.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $script:Zips = New-PackedZips
    $script:Env = Start-TestEnvironment -Throttle 3 -RetryAfter 1
}

AfterAll {
    Stop-TestEnvironment $script:Env
}

Describe 'Throttling (429 and Retry-After)' {
    It 'the local environment answers as Dataverse does over its limits' {
        $secure = ConvertTo-SecureString $Env.Token -AsPlainText -Force
        $responses = 1..3 | ForEach-Object {
            Invoke-WebRequest -Uri "$($Env.Url)/api/data/v9.2/WhoAmI" -Authentication Bearer -Token $secure -AllowUnencryptedAuthentication -SkipHttpErrorCheck
        }
        $throttled = @($responses | Where-Object StatusCode -eq 429)
        $throttled.Count | Should -Be 1
        $throttled[0].Headers['Retry-After'] | Should -Be '1'
        ($throttled[0].Content | ConvertFrom-Json).error.code | Should -Be '0x80072322'
    }

    It 'Deploy.ps1 waits as told by Retry-After and completes the deploy' {
        $r = Invoke-DeployScript -Arguments @('-Environment', $Env.Url, '-SkipBuild', '-SkipTests', '-SolutionFile', (Join-Path $Zips 'Rapport_managed.zip')) -Environment @{ RAPPORT_ACCESS_TOKEN = $Env.Token }
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $retries = @([regex]::Matches($r.Output, 'Service protection limit reached \(429\); retrying in 1 s as the server asked \(Retry-After\)'))
        $retries.Count | Should -BeGreaterOrEqual 2
        $r.Seconds | Should -BeGreaterOrEqual $retries.Count -Because 'each retry waited the 1 s Retry-After'
        $r.Output | Should -Match 'Change:\s+new install'
        (Get-Solutions $Env | Where-Object uniquename -eq 'Rapport').version | Should -Be '1.0.0.0'
    }
}
