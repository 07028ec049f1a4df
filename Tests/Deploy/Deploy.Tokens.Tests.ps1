# Tokens that end during a long import: the local environment issues short-lived tokens (rapport local
# --token-lifetime) and answers an expired or revoked one with 401 WWW-Authenticate: Bearer error="invalid_token"
# (RFC 6750 §3.1, as Dataverse does); Deploy.ps1 renews its token before it expires and, on a 401, renews and retries once.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $script:Zips = New-PackedZips
    $script:Managed = Join-Path $Zips 'Rapport_managed.zip'
    # The environment's own token is the client secret: Deploy.ps1 gets short-lived tokens with `rapport auth token`.
    function Deploy($Environment, [string[]] $More = @()) {
        Invoke-DeployScript -Arguments (@('-Environment', $Environment.Url, '-SkipBuild', '-SkipTests', '-SolutionFile', $Managed) + $More) -Environment @{ RAPPORT_CLIENT_SECRET = $Environment.Token }
    }
}

Describe 'A token that expires during a long import' {
    BeforeAll { $script:Short = Start-TestEnvironment -Behaviour @('--token-lifetime', '6', '--import-duration', '14') }
    AfterAll { Stop-TestEnvironment $script:Short }

    It 'the environment refuses a token past its lifetime with 401 invalid_token' {
        $form = @{ grant_type = 'client_credentials'; client_secret = $Short.Token; scope = "$($Short.Url)/.default" }
        $issued = Invoke-RestMethod -Uri "$($Short.Url)/rapport/token" -Method Post -Body $form
        $issued.expires_in | Should -Be 6
        $secure = ConvertTo-SecureString $issued.access_token -AsPlainText -Force
        $get = { Invoke-WebRequest -Uri "$($Short.Url)/api/data/v9.2/WhoAmI" -Authentication Bearer -Token $secure -AllowUnencryptedAuthentication -SkipHttpErrorCheck }
        [int] (& $get).StatusCode | Should -Be 200
        Start-Sleep -Seconds 7
        $late = & $get
        [int] $late.StatusCode | Should -Be 401
        [string] $late.Headers['WWW-Authenticate'] | Should -Match '^Bearer error="invalid_token"'
    }

    It 'Deploy.ps1 renews the token before it expires while it polls, and never meets a 401' {
        $r = Deploy $Short
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $r.Output | Should -Match 'Signing in to the local environment \(a short-lived token'
        [regex]::Matches($r.Output, 'The token expires in \d+ s: renewing it\.').Count | Should -BeGreaterOrEqual 2 -Because 'a 14 s import outlasts two 6 s tokens'
        $r.Output | Should -Not -Match '401'
        $r.Output | Should -Match 'Deployed\.'
        $r.Seconds | Should -BeGreaterOrEqual 14
    }
}

Describe 'A token revoked mid-poll' {
    BeforeAll { $script:Slow = Start-TestEnvironment -Behaviour @('--import-duration', '10') }
    AfterAll { Stop-TestEnvironment $script:Slow }

    It 'Deploy.ps1 answers the 401 by renewing the token and retrying the call once' {
        # Once the import is in progress, every issued token is revoked (DELETE /rapport/token with the environment's
        # own token), as Continuous Access Evaluation may revoke a token before its expiry.
        $revoker = Start-ThreadJob -ArgumentList $Slow.Url, $Slow.Token -ScriptBlock {
            param($url, $token)
            $secure = ConvertTo-SecureString $token -AsPlainText -Force
            $deadline = [datetime]::UtcNow.AddMinutes(3)
            while ([datetime]::UtcNow -lt $deadline) {
                $jobs = Invoke-RestMethod -Uri "$url/api/data/v9.2/importjobs?`$select=progress" -Authentication Bearer -Token $secure -AllowUnencryptedAuthentication
                if (@($jobs.value).Count -gt 0) {
                    Start-Sleep -Seconds 1
                    $answer = Invoke-RestMethod -Uri "$url/rapport/token" -Method Delete -Authentication Bearer -Token $secure -AllowUnencryptedAuthentication
                    return "revoked $($answer.revoked)"
                }
                Start-Sleep -Milliseconds 200
            }
            'no import seen'
        }
        $r = Deploy $Slow
        $revoked = $revoker | Wait-Job | Receive-Job
        $revoker | Remove-Job -Force
        $revoked | Should -Match '^revoked [1-9]'
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $r.Output | Should -Match 'GET (asyncoperations|importjobs)\([0-9a-f-]{36}\): 401 \(invalid_token\); renewing the token and retrying once\.'
        $r.Output | Should -Match 'Deployed\.'
    }
}
