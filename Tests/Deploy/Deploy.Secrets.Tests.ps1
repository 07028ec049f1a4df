# Client credentials end to end: a stand-in token endpoint on 127.0.0.1 (OAuth 2.0 v2.0 shape) hands out the local
# environment's token for the right secret. Neither the secret nor the token may appear in the output or the transcript.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $script:Zips = New-PackedZips
    $script:Env = Start-TestEnvironment
    $script:Secret = 'S3cr3t~' + [guid]::NewGuid().ToString('N')
    $script:ClientId = [guid]::NewGuid().ToString()

    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
    $script:Listener = [System.Net.HttpListener]::new()
    $Listener.Prefixes.Add("http://127.0.0.1:$port/")
    $Listener.Start()
    $script:Authority = "http://127.0.0.1:$port"
    $script:TokenJob = Start-ThreadJob -ArgumentList $Listener, $Secret, $ClientId, $Env -ScriptBlock {
        param($listener, $secret, $clientId, $environment)
        while ($listener.IsListening) {
            try { $context = $listener.GetContext() } catch { break }
            $reader = [System.IO.StreamReader]::new($context.Request.InputStream)
            $form = @{}
            foreach ($pair in $reader.ReadToEnd() -split '&') {
                $k, $v = $pair -split '=', 2
                $form[[uri]::UnescapeDataString($k)] = [uri]::UnescapeDataString(($v -replace '\+', ' '))
            }
            $ok = $context.Request.Url.AbsolutePath -eq '/contoso.onmicrosoft.com/oauth2/v2.0/token' -and $form.grant_type -eq 'client_credentials' -and
                $form.client_id -eq $clientId -and $form.client_secret -eq $secret -and $form.scope -eq "$($environment.Url)/.default"
            $body = if ($ok) { @{ token_type = 'Bearer'; expires_in = 3599; access_token = $environment.Token } }
                    else { @{ error = 'invalid_client'; error_description = "AADSTS7000215: Invalid client secret provided.`r`nTrace ID: 0" } }
            $bytes = [Text.Encoding]::UTF8.GetBytes(($body | ConvertTo-Json))
            $context.Response.StatusCode = if ($ok) { 200 } else { 401 }
            $context.Response.ContentType = 'application/json'
            $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
            $context.Response.Close()
        }
    }
    function Deploy([hashtable] $With, [string] $Transcript) {
        Invoke-DeployScript -Environment $With -Transcript $Transcript -Arguments @(
            '-Environment', $script:Env.Url, '-TenantId', 'contoso.onmicrosoft.com', '-ClientId', $script:ClientId, '-Authority', $script:Authority,
            '-SkipBuild', '-SkipTests', '-SolutionFile', (Join-Path $script:Zips 'Rapport_managed.zip'), '-Verbose')
    }
}

AfterAll {
    $Listener.Stop()
    $TokenJob | Stop-Job -PassThru | Remove-Job -Force
    Stop-TestEnvironment $script:Env
}

Describe 'Client credentials and secrets' {
    It 'deploys with the secret from RAPPORT_CLIENT_SECRET and never writes it or the token, even with -Verbose in a transcript' {
        $transcript = Join-Path (New-TestDirectory 'transcript') 'deploy.txt'
        $r = Deploy @{ RAPPORT_CLIENT_SECRET = $Secret } $transcript
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $r.Output | Should -Match "Signing in with client credentials \(client $ClientId, tenant contoso.onmicrosoft.com, scope $([regex]::Escape($Env.Url))/.default\)"
        $r.Output | Should -Match 'Deployed\.'
        $text = Get-Content $transcript -Raw
        $text | Should -Match 'Deployed\.' -Because 'the transcript recorded the deploy'
        foreach ($leak in $Secret, $Env.Token) {
            $r.Output | Should -Not -Match ([regex]::Escape($leak))
            $text | Should -Not -Match ([regex]::Escape($leak))
        }
    }

    It 'a wrong secret fails at sign-in with what to check, without echoing it' {
        $wrong = 'Wr0ng~' + [guid]::NewGuid().ToString('N')
        $r = Deploy @{ RAPPORT_CLIENT_SECRET = $wrong }
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'Sign-in with client credentials failed \(invalid_client: AADSTS7000215: Invalid client secret provided\.\)'
        $r.Output | Should -Match 'Check -TenantId, -ClientId and the secret'
        $r.Output | Should -Not -Match $wrong
    }

    It 'no secret at all names what is missing' {
        $r = Deploy @{}
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'missing the client secret \(RAPPORT_CLIENT_SECRET or -Credential\)'
    }
}
