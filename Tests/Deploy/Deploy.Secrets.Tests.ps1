# Secrets and tokens: Deploy.ps1 gets every token from `rapport auth token` (MSAL.NET; its flows are tested in
# Tests/Cli.Tests) and never puts a secret on a command line, where other users of the machine can read it.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $script:Zips = New-PackedZips
    $script:Env = Start-TestEnvironment
    $script:Secret = 'S3cr3t~' + [guid]::NewGuid().ToString('N')
    $script:ClientId = [guid]::NewGuid().ToString()

    # A stand-in for the rapport CLI (Deploy.ps1 runs RAPPORT_CLI when set): records the arguments it was started with,
    # its standard input and the RAPPORT_CLIENT_SECRET it inherited, then answers as `rapport auth token` does.
    $script:ShimDir = New-TestDirectory 'shim'
    $script:Shim = Join-Path $ShimDir 'rapport'
    Set-Content -Path $Shim -Value @'
#!/usr/bin/env bash
dir="$(dirname "$0")"
printf '%s\n' "$@" > "$dir/args.txt"
cat > "$dir/stdin.txt"
printf '%s' "${RAPPORT_CLIENT_SECRET:-}" > "$dir/env.txt"
echo '{"accessToken":"shim-token","expiresOn":"2099-01-01T00:00:00.0000000Z"}'
'@
    & chmod +x $Shim

    # Deploy.ps1 dot-sourced (its main block does not run) with the admin's parameters, then only its sign-in step.
    function Get-TokenWith([hashtable] $Parameters, [hashtable] $Variables = @{}) {
        foreach ($f in 'args.txt', 'stdin.txt', 'env.txt') { Remove-Item (Join-Path $ShimDir $f) -ErrorAction Ignore }
        $names = @('RAPPORT_CLI', 'RAPPORT_CLIENT_SECRET', 'RAPPORT_ACCESS_TOKEN', 'AZURE_FEDERATED_TOKEN_FILE') + @($Variables.Keys)
        $saved = @{}; foreach ($n in $names) { $saved[$n] = [Environment]::GetEnvironmentVariable($n); Remove-Item "Env:$n" -ErrorAction Ignore }
        try {
            $env:RAPPORT_CLI = $Shim
            foreach ($k in $Variables.Keys) { Set-Item "Env:$k" $Variables[$k] }
            & {
                param($p)
                . $DeployScript @p
                Get-AccessToken -Url 'https://contoso.crm.dynamics.com' -Local $false -LocalState $null | Out-Null
            } $Parameters 6>$null
        } finally {
            foreach ($n in $saved.Keys) { if ($null -eq $saved[$n]) { Remove-Item "Env:$n" -ErrorAction Ignore } else { Set-Item "Env:$n" $saved[$n] } }
        }
        [pscustomobject]@{
            Arguments = @(Get-Content (Join-Path $ShimDir 'args.txt'))
            Stdin     = (Get-Content (Join-Path $ShimDir 'stdin.txt') -Raw) ?? ''
            Inherited = (Get-Content (Join-Path $ShimDir 'env.txt') -Raw) ?? ''
        }
    }
    $script:Real = @{ Environment = 'https://contoso.crm.dynamics.com'; TenantId = 'contoso.onmicrosoft.com'; ClientId = $ClientId }
}

AfterAll {
    Stop-TestEnvironment $script:Env
}

Describe 'Secrets reach rapport auth token, never a command line' {
    It '-Credential: the password goes to the tool on standard input' {
        $credential = [pscredential]::new($ClientId, (ConvertTo-SecureString $Secret -AsPlainText -Force))
        $r = Get-TokenWith ($Real + @{ Credential = $credential })
        $r.Arguments | Should -Not -Contain $Secret
        ($r.Arguments -join ' ') | Should -Not -Match ([regex]::Escape($Secret))
        $r.Arguments | Should -Contain '--secret-stdin'
        $r.Stdin.Trim() | Should -Be $Secret
        ($r.Arguments -join ' ') | Should -Be "auth token --environment https://contoso.crm.dynamics.com --authority https://login.microsoftonline.com/ --tenant-id contoso.onmicrosoft.com --client-id $ClientId --secret-stdin"
    }

    It 'RAPPORT_CLIENT_SECRET: inherited by the tool from the environment, neither in its arguments nor on its input' {
        $r = Get-TokenWith $Real @{ RAPPORT_CLIENT_SECRET = $Secret }
        ($r.Arguments -join ' ') | Should -Not -Match ([regex]::Escape($Secret))
        $r.Arguments | Should -Not -Contain '--secret-stdin'
        $r.Stdin | Should -BeNullOrEmpty
        $r.Inherited | Should -Be $Secret
    }

    It 'each sign-in option names its flow: <Switch>' -TestCases @(
        @{ Switch = 'ManagedIdentity'; With = @{ ManagedIdentity = $true }; Variables = @{}; Expected = '--flow managed-identity' }
        @{ Switch = 'WorkloadIdentity'; With = @{ WorkloadIdentity = $true }; Variables = @{ AZURE_FEDERATED_TOKEN_FILE = '/var/run/secrets/azure/tokens/azure-identity-token' }; Expected = '--flow federated' }
        @{ Switch = 'CertificateThumbprint'; With = @{ CertificateThumbprint = 'ABCDEF0123' }; Variables = @{}; Expected = '--flow certificate --certificate-thumbprint ABCDEF0123' }
        @{ Switch = 'DeviceCode'; With = @{ DeviceCode = $true }; Variables = @{}; Expected = '--flow device-code' }
    ) {
        param($Switch, $With, $Variables, $Expected)
        $r = Get-TokenWith ($Real + $With) $Variables
        ($r.Arguments -join ' ') | Should -Match ([regex]::Escape($Expected))
        $r.Stdin | Should -BeNullOrEmpty
    }

    It 'an http authority is refused before anything is started' {
        { Get-TokenWith ($Real + @{ Authority = 'http://login.example.test' }) @{ RAPPORT_CLIENT_SECRET = $Secret } } | Should -Throw '*is not https*'
        Test-Path (Join-Path $ShimDir 'args.txt') | Should -BeFalse
    }
}

Describe 'Signing in end to end' {
    BeforeAll {
        function Deploy([hashtable] $With, [string] $Transcript, [string[]] $More = @()) {
            Invoke-DeployScript -Environment $With -Transcript $Transcript -Arguments (@(
                '-SkipBuild', '-SkipTests', '-SolutionFile', (Join-Path $script:Zips 'Rapport_managed.zip'), '-Verbose') + $More)
        }
    }

    It 'deploys to the local environment with its token as the client secret, and never writes it, even with -Verbose in a transcript' {
        $transcript = Join-Path (New-TestDirectory 'transcript') 'deploy.txt'
        $r = Deploy @{ RAPPORT_CLIENT_SECRET = $Env.Token } $transcript @('-Environment', $Env.Url)
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $r.Output | Should -Match "Signing in to the local environment \(a short-lived token from $([regex]::Escape($Env.Url))/rapport/token\)"
        $r.Output | Should -Match 'Deployed\.'
        $text = Get-Content $transcript -Raw
        $text | Should -Match 'Deployed\.' -Because 'the transcript recorded the deploy'
        $r.Output | Should -Not -Match ([regex]::Escape($Env.Token))
        $text | Should -Not -Match ([regex]::Escape($Env.Token))
    }

    It 'a wrong secret fails at sign-in with the tool''s sentence, without echoing it' {
        $wrong = 'Wr0ng~' + [guid]::NewGuid().ToString('N')
        $r = Deploy @{ RAPPORT_CLIENT_SECRET = $wrong } $null @('-Environment', $Env.Url)
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'Deploy failed: Sign-in failed: The local environment at http://127\.0\.0\.1:\d+ refused the client secret \(invalid_client\)'
        $r.Output | Should -Not -Match $wrong
        $r.Output | Should -Not -Match '==> Importing'
    }

    It 'no secret at all names what is missing' {
        $r = Deploy @{} $null @('-Environment', 'https://contoso.crm.dynamics.com', '-TenantId', 'contoso.onmicrosoft.com', '-ClientId', $ClientId)
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'missing the client secret \(RAPPORT_CLIENT_SECRET or -Credential\)'
    }
}
