# An import that survives the cloud: local environments with the behaviours of a real organisation (rapport local's
# test options) and Deploy.ps1 telling "not there yet" from "failed".
# The states polled are those of learn.microsoft.com/power-platform/alm/solution-async (asyncoperation statecode 3 =
# Completed; statuscode 20 In Progress, 30 Succeeded) and the import job row of
# learn.microsoft.com/power-apps/developer/data-platform/reference/entities/importjob (progress, completedon).
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $script:Zips = New-PackedZips
    $script:Managed = Join-Path $Zips 'Rapport_managed.zip'
    $script:Unmanaged = Join-Path $Zips 'Rapport.zip'
    function Deploy($Environment, [string[]] $More) {
        Invoke-DeployScript -Arguments (@('-Environment', $Environment.Url, '-SkipBuild', '-SkipTests') + $More) -Environment @{ RAPPORT_ACCESS_TOKEN = $Environment.Token }
    }
    # Someone else's import of the same solution, started straight through the Web API.
    function Start-OtherImport($Environment, [string] $Zip) {
        $secure = ConvertTo-SecureString $Environment.Token -AsPlainText -Force
        $body = @{ CustomizationFile = [Convert]::ToBase64String([IO.File]::ReadAllBytes($Zip)); OverwriteUnmanagedCustomizations = $false; PublishWorkflows = $true; ImportJobId = [guid]::NewGuid().ToString() } | ConvertTo-Json
        Invoke-RestMethod -Uri "$($Environment.Url)/api/data/v9.2/ImportSolutionAsync" -Method Post -Body $body -ContentType 'application/json' -Authentication Bearer -Token $secure -AllowUnencryptedAuthentication
    }
}

Describe 'Import job that appears late, and 502/503 while polling' {
    BeforeAll { $script:Slow = Start-TestEnvironment -Behaviour @('--import-delay', '2', '--transient-failures', '3') }
    AfterAll { Stop-TestEnvironment $script:Slow }

    It 'the environment answers every 3rd read with 503, then 502, as a busy front end does' {
        $secure = ConvertTo-SecureString $Slow.Token -AsPlainText -Force
        $get = { param($path) [int] (Invoke-WebRequest -Uri "$($Slow.Url)/api/data/v9.2/$path" -Authentication Bearer -Token $secure -AllowUnencryptedAuthentication -SkipHttpErrorCheck).StatusCode }
        $statuses = 1..6 | ForEach-Object { & $get 'WhoAmI' }
        $statuses | Should -Be @(200, 200, 503, 200, 200, 502)
    }

    It 'Deploy.ps1 waits for the job row, retries the 502/503 reads, and publishes after an unmanaged import' {
        $r = Deploy $Slow @('-Unmanaged', '-SolutionFile', $Unmanaged, '-OverwriteUnmanagedCustomizations')
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $r.Output | Should -Match 'system job Ready / Waiting For Resources, import job not created yet \(404\)'
        $r.Output | Should -Match 'HTTP 503 \(service briefly unavailable\); retrying in 1 s'
        $r.Output | Should -Match 'HTTP 502 \(service briefly unavailable\); retrying in 1 s'
        $r.Output | Should -Match 'OverwriteUnmanagedCustomizations=true'
        $r.Output | Should -Match '==> Publishing customizations'
        $r.Output | Should -Match 'Change:\s+new install'
        (Get-Solutions $Slow | Where-Object uniquename -eq 'Rapport').version | Should -Be '1.0.0.0'
    }
}

Describe 'An import of the same solution already in progress' {
    BeforeAll { $script:Busy = Start-TestEnvironment -Behaviour @('--import-duration', '12') }
    AfterAll { Stop-TestEnvironment $script:Busy }

    It 'Deploy.ps1 waits for it to finish, then imports' {
        Start-OtherImport $Busy $Managed | Out-Null
        $r = Deploy $Busy @('-SolutionFile', $Managed)
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $r.Output | Should -Match 'An import of Rapport is already in progress \(import job [0-9a-f-]{36}, started .*, 12%\): waiting for it'
        $r.Output | Should -Match 'The earlier import has finished; importing now\.'
        $r.Output | Should -Match 'Change:\s+new install' -Because 'the installed version was read before the other import completed'
        $r.Seconds | Should -BeGreaterOrEqual 12 -Because 'it waited for the other import and ran its own'
    }
}

Describe 'A stuck import' {
    BeforeAll { $script:Stuck = Start-TestEnvironment -Behaviour @('--import-duration', '3600') }
    AfterAll { Stop-TestEnvironment $script:Stuck }

    It 'times out saying what is still running and what to do next' {
        $r = Deploy $Stuck @('-SolutionFile', $Managed, '-TimeoutMinutes', '0.05')
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'Deploy failed: Importing Rapport 1\.0\.0\.0 \(managed\) did not finish within 0\.05 minutes \(system job Locked / In Progress, import job at 12%'
        $r.Output | Should -Match 'It may still finish on the server\. Next: follow it in Solution history'
        $r.Output | Should -Not -Match 'Deployed\.'
    }

    It 'a rerun finds the import still in progress and imports nothing' {
        $r = Deploy $Stuck @('-SolutionFile', $Managed, '-TimeoutMinutes', '0.05')
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'An import of Rapport is already in progress'
        $r.Output | Should -Match 'Deploy failed: An earlier import of Rapport is still in progress after 0\.05 minutes of waiting \(import job [0-9a-f-]{36} at 12%\); this run imported nothing\.'
        $r.Output | Should -Not -Match '==> Importing'
    }
}
