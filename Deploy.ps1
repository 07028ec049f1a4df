<#
.SYNOPSIS
    Deploys Rapport from source to an imported, published solution: the local environment by default, or a Dataverse
    environment by URL.

.DESCRIPTION
    Steps: check the prerequisites; build the web resources and the assemblies (-SkipBuild skips); run the NUnit tests
    (-SkipTests skips); pack the solution zip; get a token; wait for an import of the same solution still in progress;
    import it with ImportSolutionAsync, polling the system job and the import job (Write-Progress); on failure read
    the import job and print the failing components and what to do next; publish (unmanaged imports only); print a
    summary (version before and after, duration, what changed).

    Every Web API call honours service protection limits: a 429 is retried after the seconds in Retry-After
    (at most 8 times per call). Reads that meet 502/503/504 or a network error are retried with a bounded
    exponential backoff (1, 2, 4 ... 30 s, at most 8 times); while polling, a 404 for a system job or import job not
    created yet is waited for, not a failure.

    Local (default, -Environment local): starts the local environment detached (`rapport local`, data and state in
    .local-data/) or reuses the one already running (state file .local-data/local.json), imports over HTTP exactly as
    for a real environment, optionally seeds sample data (-Sample) and prints the URL to open and how to stop it.

    Tokens come from `rapport auth token` (Microsoft's authentication library, MSAL.NET); this script does no OAuth
    itself. In this order:
      1. RAPPORT_ACCESS_TOKEN environment variable: a bearer token you already have (used as is, never renewed).
      2. Local environment (a loopback URL): a short-lived token from its POST /rapport/token, for the environment's
         own token (the state file's, else RAPPORT_CLIENT_SECRET or -Credential's password).
      3. -ManagedIdentity: the Azure resource's managed identity (-ClientId for a user-assigned one).
      4. -WorkloadIdentity: workload identity federation; the federated token file in AZURE_FEDERATED_TOKEN_FILE,
         -TenantId/-ClientId or AZURE_TENANT_ID/AZURE_CLIENT_ID, as pipelines and AKS provide them.
      5. -CertificateThumbprint (certificate store) or -CertificatePath (PFX; password in RAPPORT_CERTIFICATE_PASSWORD).
      6. -DeviceCode or -Interactive: a person signs in (public client -ClientId, default: Azure CLI's); the token
         cache (~/.rapport/msal-cache.json, owner-only) keeps the sign-in for the next run.
      7. Client credentials: -TenantId, -ClientId and the secret from RAPPORT_CLIENT_SECRET (inherited by the tool) or
         -Credential (user name = client id, password = secret, sent to the tool on standard input).
    The scope is <environment>/.default. There is deliberately no plain-text secret parameter, and no secret is ever
    on a command line. Secrets and tokens are never written to the output. During a long import the token is renewed
    before it expires (when less than 5 minutes, or half its lifetime, is left), and a 401 is answered by renewing it
    and retrying the call once.

    -WhatIf prints the plan (every step that would change something) and changes nothing: no build, no local
    environment started, no import, no publish.

.PARAMETER Environment
    "local" (default) or the environment URL, e.g. https://contoso.crm4.dynamics.com. A loopback URL
    (http://127.0.0.1:N) is a local environment already running; its token comes from RAPPORT_ACCESS_TOKEN or the
    state file.

.PARAMETER Managed
    Import the managed zip (Rapport_managed.zip). The default.

.PARAMETER Unmanaged
    Import the unmanaged zip (Rapport.zip), for development environments.

.PARAMETER Upgrade
    Stage and upgrade (ImportSolutionAsync with HoldingSolution=true, then DeleteAndPromoteAsync): components
    dropped from the new version are removed. Managed only; the new version must be higher than the installed one.
    Without it the import is an update: components are added and changed, none removed.

.PARAMETER TenantId
    Microsoft Entra tenant id (GUID or domain) for client credentials or the device code sign-in.

.PARAMETER ClientId
    Application (client) id of the app registration that has an application user in the environment.

.PARAMETER Credential
    Client id (user name) and client secret (password) as a PSCredential, instead of RAPPORT_CLIENT_SECRET.

.PARAMETER DeviceCode
    Sign in interactively with a device code instead of client credentials.

.PARAMETER Interactive
    Sign in in this machine's browser instead of client credentials.

.PARAMETER ManagedIdentity
    Sign in as the managed identity of the Azure resource this runs on (system-assigned, or -ClientId for a
    user-assigned one).

.PARAMETER WorkloadIdentity
    Sign in with workload identity federation: the federated token file named by AZURE_FEDERATED_TOKEN_FILE.

.PARAMETER CertificateThumbprint
    Client credentials with the certificate of this thumbprint (CurrentUser or LocalMachine 'My' store).

.PARAMETER CertificatePath
    Client credentials with this PFX file; its password in RAPPORT_CERTIFICATE_PASSWORD.

.PARAMETER SkipBuild
    Do not build the web resources and the assemblies (the last build is packed).

.PARAMETER SkipTests
    Do not run the NUnit tests before packing.

.PARAMETER Sample
    Local only: seed sample data (nonprofit or sales) when the local environment starts empty.

.PARAMETER SolutionFile
    Import this solution zip instead of building and packing one (e.g. a release asset).

.PARAMETER OutputDirectory
    Where the zips are packed (default: out/ under the repository).

.PARAMETER LocalDataDirectory
    Local only: data and state folder of the local environment (default: .local-data/ under the repository).

.PARAMETER Port
    Local only: port of a newly started local environment (default 5555; a free one when 5555 is taken).

.PARAMETER TimeoutMinutes
    Longest wait for an import, and for an earlier import of the same solution still in progress (default 60, as pac's
    --max-async-wait-time). On timeout the import may still finish on the server; a rerun waits for it.

.PARAMETER OverwriteUnmanagedCustomizations
    Let the import replace unmanaged customizations made in the environment on top of Rapport's components (sent as
    OverwriteUnmanagedCustomizations=true). Off by default, as pac's --force-overwrite: an admin's changes stay.

.PARAMETER Authority
    Token authority, https only (default https://login.microsoftonline.com); sovereign clouds use their own.

.EXAMPLE
    dotnet tool restore; dotnet pwsh ./Deploy.ps1
    Builds, tests, packs and imports the managed solution into the local environment (started if needed).

.EXAMPLE
    $env:RAPPORT_CLIENT_SECRET = '...'; dotnet pwsh ./Deploy.ps1 -Environment https://contoso.crm4.dynamics.com -TenantId contoso.onmicrosoft.com -ClientId 00000000-0000-0000-0000-000000000000 -Upgrade
    Stages and upgrades the managed solution in a Dataverse environment with client credentials.

.EXAMPLE
    dotnet pwsh ./Deploy.ps1 -Environment https://contoso.crm4.dynamics.com -WorkloadIdentity
    In a pipeline with workload identity federation (AZURE_FEDERATED_TOKEN_FILE, AZURE_TENANT_ID, AZURE_CLIENT_ID set
    by the pipeline or AKS): no secret anywhere.

.EXAMPLE
    dotnet pwsh ./Deploy.ps1 -Environment https://contoso.crm.dynamics.com -DeviceCode -TenantId contoso.onmicrosoft.com -Unmanaged -WhatIf
    Shows the plan for an unmanaged import with an interactive sign-in, changing nothing.

.OUTPUTS
    None. Progress and the summary go to the information stream (Write-Host); the exit code is 0 on success, 1 on failure.

.NOTES
    Run with PowerShell 7: `dotnet tool restore` then `dotnet pwsh ./Deploy.ps1` (the repository's dotnet-tools.json
    pins PowerShell 7.6.9). RAPPORT_CLI names the rapport tool to run for tokens (an installed one, or a rapport.dll)
    instead of ./rapport. The local environment supports holding imports and DeleteAndPromote; a staged upgrade is
    kept in memory only.
#>
[CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'Managed')]
param(
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty()]
    [string] $Environment = 'local',

    [Parameter(ParameterSetName = 'Managed')]
    [switch] $Managed,

    [Parameter(ParameterSetName = 'Unmanaged', Mandatory)]
    [switch] $Unmanaged,

    [Parameter(ParameterSetName = 'Managed')]
    [switch] $Upgrade,

    [string] $TenantId,

    [string] $ClientId,

    [System.Management.Automation.PSCredential]
    [System.Management.Automation.Credential()]
    $Credential = [System.Management.Automation.PSCredential]::Empty,

    [switch] $DeviceCode,

    [switch] $Interactive,

    [switch] $ManagedIdentity,

    [switch] $WorkloadIdentity,

    [string] $CertificateThumbprint,

    [string] $CertificatePath,

    [switch] $SkipBuild,

    [switch] $SkipTests,

    [ValidateSet('nonprofit', 'sales')]
    [string] $Sample,

    [string] $SolutionFile,

    [string] $OutputDirectory,

    [string] $LocalDataDirectory,

    [ValidateRange(0, 65535)]
    [int] $Port = 5555,

    [ValidateRange(0.01, 1440)]
    [double] $TimeoutMinutes = 60,

    [switch] $OverwriteUnmanagedCustomizations,

    [uri] $Authority = 'https://login.microsoftonline.com'
)

Set-StrictMode -Version 3.0
$script:RepoRoot = $PSScriptRoot
$script:MaxRetries = 8
$script:PollSeconds = 3
$script:BackoffSeconds = 1
$script:MaxBackoffSeconds = 30

#region Messages and checks

$script:Clock = [System.Diagnostics.Stopwatch]::StartNew()

function Format-Elapsed { '{0:m\:ss}' -f $script:Clock.Elapsed }

# Each step with the time since the start, so a long step shows where the minutes went.
function Write-Step([string] $Text) { Write-Host "==> $Text   [$(Format-Elapsed)]" }

function Write-Detail([string] $Text) { Write-Host "    $Text" }

# A failure the admin can act on: the message says what to do; no stack trace.
class DeployException : System.Exception {
    DeployException([string] $message) : base($message) {}
}

function Stop-Deploy([string] $Message) { throw [DeployException]::new($Message) }

function Test-LocalEnvironment([string] $Name) {
    if ($Name -eq 'local') { return $true }
    $u = $null
    if (-not [uri]::TryCreate($Name, [UriKind]::Absolute, [ref]$u)) { return $false }
    return $u.IsLoopback
}

function Resolve-EnvironmentUrl([string] $Name) {
    $u = $null
    if (-not [uri]::TryCreate($Name, [UriKind]::Absolute, [ref]$u) -or $u.Scheme -notin 'https', 'http') {
        Stop-Deploy "-Environment '$Name' is neither 'local' nor an environment URL such as https://contoso.crm.dynamics.com."
    }
    if ($u.Scheme -eq 'http' -and -not $u.IsLoopback) {
        Stop-Deploy "-Environment $Name uses http; Dataverse environments are served over https."
    }
    return $u.GetLeftPart([UriPartial]::Authority)
}

# Prerequisites with the command that fixes each; returns the list of problems (empty when all is there).
function Get-MissingPrerequisite([bool] $NeedBuild, [bool] $NeedNode, [bool] $NeedPack) {
    $missing = [System.Collections.Generic.List[string]]::new()
    if ($PSVersionTable.PSVersion.Major -lt 7) {
        $missing.Add("PowerShell 7 is required: run 'dotnet tool restore' then 'dotnet pwsh ./Deploy.ps1'.")
    }
    if (($NeedBuild -or $NeedPack) -and -not (Get-Command dotnet -ErrorAction Ignore)) {
        $missing.Add('The .NET 10 SDK is required to build and pack: install it from https://dot.net and run again.')
    }
    if ($NeedNode -and -not (Get-Command npm -ErrorAction Ignore)) {
        $missing.Add('Node.js 20 and npm are required to build the web resources: install them, or pass -SkipBuild to pack the last build.')
    }
    if ($NeedPack -and -not (Test-Path (Join-Path $script:RepoRoot 'Extension.sln'))) {
        $missing.Add("Packing needs the source tree next to Deploy.ps1; pass -SolutionFile <zip> to import a packed zip instead.")
    }
    return , $missing
}

#endregion

#region Solution zip

# UniqueName, Version and Managed from solution.xml, plus component counts for the summary.
function Get-SolutionInfo([string] $Path) {
    Add-Type -AssemblyName System.IO.Compression
    try {
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
    } catch {
        Stop-Deploy "The solution file '$Path' is not a zip: $($_.Exception.InnerException.Message ?? $_.Exception.Message)"
    }
    try {
        $entry = $zip.GetEntry('solution.xml')
        if (-not $entry) { Stop-Deploy "The solution file '$Path' has no solution.xml: it is not a solution zip." }
        $reader = [System.IO.StreamReader]::new($entry.Open())
        try { $text = $reader.ReadToEnd() } finally { $reader.Dispose() }
        try { [xml] $xml = $text } catch { Stop-Deploy "solution.xml in '$Path' is not well formed: $($_.Exception.InnerException.Message)" }
        $manifest = $xml.ImportExportXml.SolutionManifest
        $names = @($zip.Entries | ForEach-Object FullName)
        [pscustomobject]@{
            UniqueName   = [string] $manifest.UniqueName
            Version      = [string] $manifest.Version
            Managed      = [string] $manifest.Managed -eq '1'
            WebResources = @($names | Where-Object { $_ -like 'WebResources/*' }).Count
            Assemblies   = @($names | Where-Object { $_ -like 'PluginAssemblies/*.dll' }).Count
            CustomApis   = @($names | Where-Object { $_ -like 'customapis/*/customapi.xml' }).Count
        }
    } finally {
        $zip.Dispose()
    }
}

#endregion

#region HTTP

# One Web API call. 429: waits Retry-After seconds and retries; 502/503/504 and network errors: retries after a bounded
# exponential backoff (1, 2, 4 ... 30 s) — GETs always, a POST only when the request never reached the server. Both at
# most $script:MaxRetries times. 401/403: a message that says what to fix. -NotFoundIsNull: a 404 returns $null (a row
# not there yet) instead of failing. Errors carry Dataverse's error message, never the request (token, zip).
function Invoke-DataverseApi {
    param(
        [Parameter(Mandatory)] [string] $BaseUrl,
        [Parameter(Mandatory)] [string] $Path,
        [securestring] $Token,
        [ValidateSet('GET', 'POST')] [string] $Method = 'GET',
        [object] $Body,
        [switch] $NotFoundIsNull
    )
    $uri = $BaseUrl.TrimEnd('/') + '/api/data/v9.2/' + $Path
    $json = if ($null -ne $Body) { $Body | ConvertTo-Json -Depth 10 -Compress } else { $null }
    $headers = @{ 'OData-Version' = '4.0'; 'OData-MaxVersion' = '4.0'; Accept = 'application/json' }
    $what = "$Method $(($Path -split '\?')[0])"
    $renewed = $false
    for ($attempt = 0; ; $attempt++) {
        $request = @{
            Uri = $uri; Method = $Method; Headers = $headers; Authentication = 'Bearer'; Token = (Get-SessionToken $Token)
            SkipHttpErrorCheck = $true; AllowUnencryptedAuthentication = (Test-LoopbackUrl $BaseUrl); Verbose = $false; Debug = $false
            TimeoutSec = 300; ErrorAction = 'Stop'
        }
        if ($null -ne $json) { $request.Body = $json; $request.ContentType = 'application/json; charset=utf-8' }
        try {
            $response = Invoke-WebRequest @request
        } catch [System.Net.Http.HttpRequestException], [System.Threading.Tasks.TaskCanceledException], [System.TimeoutException] {
            # Connection refused/reset or a timeout: a GET is safe to repeat; a POST is repeated only when nothing was sent.
            $unsent = $_.Exception -is [System.Net.Http.HttpRequestException] -and $_.Exception.HttpRequestError -in 'ConnectionError', 'NameResolutionError', 'SecureConnectionError'
            if (($Method -eq 'GET' -or $unsent) -and $attempt -lt $script:MaxRetries) {
                $wait = Get-RetryDelay -RetryAfter '' -Attempt $attempt
                Write-Detail "$what`: network error ($($_.Exception.Message)); retrying in $wait s."
                Start-Sleep -Milliseconds ([int] ($wait * 1000))
                continue
            }
            Stop-Deploy "Cannot reach $BaseUrl (${what}: $($_.Exception.Message)). Check the URL and the network, then run again$(if ($Method -eq 'POST') { '; a POST may have reached the server, so check Solution history in the maker portal first' })."
        }
        $status = [int] $response.StatusCode
        if ($status -eq 429 -and $attempt -lt $script:MaxRetries) {
            $wait = Get-RetryDelay -RetryAfter ([string] ($response.Headers['Retry-After'] | Select-Object -First 1)) -Attempt $attempt
            Write-Detail "Service protection limit reached (429); retrying in $wait s as the server asked (Retry-After)."
            Start-Sleep -Milliseconds ([int] ($wait * 1000))
            continue
        }
        # A gateway's 502/503/504: a GET is repeated; a POST only on 503 (refused whole), as a 502/504 may hide a request
        # that ran (a repeated import is then found by the check for an import in progress).
        if (($status -eq 503 -or ($Method -eq 'GET' -and $status -in 502, 504)) -and $attempt -lt $script:MaxRetries) {
            $wait = Get-RetryDelay -RetryAfter ([string] ($response.Headers['Retry-After'] | Select-Object -First 1)) -Attempt $attempt
            Write-Detail "$what`: HTTP $status (service briefly unavailable); retrying in $wait s (attempt $($attempt + 1) of $script:MaxRetries)."
            Start-Sleep -Milliseconds ([int] ($wait * 1000))
            continue
        }
        $content = [string] $response.Content
        $data = if ($content.Trim().Length -gt 0) { try { $content | ConvertFrom-Json } catch { $null } } else { $null }
        if ($status -ge 200 -and $status -lt 300) { return $data }
        if ($status -eq 404 -and $NotFoundIsNull) { return $null }
        $message = if ($data -and $data.PSObject.Properties['error']) { "$($data.error.message) [$($data.error.code)]" } else { "HTTP $status" }
        # A token expired or revoked before we renewed it (clock skew, Continuous Access Evaluation): renew, retry once.
        if ($status -eq 401 -and -not $renewed -and $script:Session -and $script:Session.Renewable) {
            $renewed = $true
            $challenge = [string] ($response.Headers['WWW-Authenticate'] | Select-Object -First 1)
            Write-Detail "$what`: 401 ($(if ($challenge -match 'error="?([a-z_]+)') { $Matches[1] } else { 'unauthorized' })); renewing the token and retrying once."
            Update-Session
            $attempt--
            continue
        }
        switch ($status) {
            401 { Stop-Deploy "401 Unauthorized from $BaseUrl`: the token was refused ($message). Check that the token is for this environment (scope $BaseUrl/.default), that the app registration has an application user in the environment, and, for the local environment, that the token matches the running one." }
            403 { Stop-Deploy "403 Forbidden from $BaseUrl`: the caller lacks a privilege ($message). Give the application user the System Administrator or System Customizer role." }
            429 { Stop-Deploy "Still throttled (429) after $script:MaxRetries retries: $message. Try again later." }
            { $_ -in 502, 503, 504 } { Stop-Deploy "$what failed with HTTP $status after $script:MaxRetries retries: the service stays unavailable. Check the environment's state in the Power Platform admin center, then run again." }
            default { Stop-Deploy "$what failed with HTTP $status`: $message" }
        }
    }
}

function Test-LoopbackUrl([string] $Url) { $u = $null; [uri]::TryCreate($Url, [UriKind]::Absolute, [ref]$u) -and $u.IsLoopback }

# Seconds to wait: the server's Retry-After (seconds or an HTTP date), else an exponential backoff.
function Get-RetryDelay([string] $RetryAfter, [int] $Attempt) {
    $seconds = 0.0
    if ([double]::TryParse($RetryAfter, [System.Globalization.NumberStyles]::Float, [cultureinfo]::InvariantCulture, [ref]$seconds)) {
        return [math]::Max(0, $seconds)
    }
    $date = [datetimeoffset]::MinValue
    if ([datetimeoffset]::TryParse($RetryAfter, [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AssumeUniversal, [ref]$date)) {
        return [math]::Max(0, ($date - [datetimeoffset]::UtcNow).TotalSeconds)
    }
    return [math]::Min($script:MaxBackoffSeconds, $script:BackoffSeconds * [math]::Pow(2, $Attempt))
}

#endregion

#region Tokens

function ConvertTo-PlainText([securestring] $Secure) { [System.Net.NetworkCredential]::new('', $Secure).Password }

# The rapport CLI as a command line: RAPPORT_CLI (an installed rapport, or a rapport.dll) when set, else ./rapport
# (built on first use; on Windows the dll, built first).
function Get-RapportCommand {
    if ($env:RAPPORT_CLI) { return $(if ($env:RAPPORT_CLI -like '*.dll') { @('dotnet', $env:RAPPORT_CLI) } else { @($env:RAPPORT_CLI) }) }
    if ($IsWindows) {
        $dll = Join-Path $script:RepoRoot 'Cli/bin/Release/net10.0/rapport.dll'
        if (-not (Test-Path $dll)) { & dotnet build (Join-Path $script:RepoRoot 'Cli/Rapport.Cli.csproj') -c Release --nologo -v quiet -clp:ErrorsOnly | Out-Host }
        return @('dotnet', $dll)
    }
    return @('bash', (Join-Path $script:RepoRoot 'rapport'))
}

# `rapport auth token …`: the arguments never hold a secret; a secret given here goes to its standard input. A person's
# sign-in (device code, browser) writes its instructions to the console, so stderr is left to the console then.
# Returns @{ Token (securestring); ExpiresOn }; a failure stops with the tool's one-sentence message.
function Invoke-RapportAuth([string[]] $Arguments, [securestring] $Secret, [bool] $Person) {
    $command = @(Get-RapportCommand)
    $start = [System.Diagnostics.ProcessStartInfo]::new($command[0])
    foreach ($argument in @($command | Select-Object -Skip 1) + $Arguments) { $start.ArgumentList.Add([string] $argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = -not $Person
    $process = [System.Diagnostics.Process]::Start($start)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = if (-not $Person) { $process.StandardError.ReadToEndAsync() } else { $null }
        if ($Secret) { $process.StandardInput.WriteLine((ConvertTo-PlainText $Secret)) }
        $process.StandardInput.Close()
        $process.WaitForExit()
        $output = $stdout.GetAwaiter().GetResult()
        $errors = if ($stderr) { $stderr.GetAwaiter().GetResult() } else { '' }
        if ($process.ExitCode -ne 0) {
            $why = @($errors -split "`r?`n" | Where-Object { $_.Trim() } | Select-Object -Last 1)
            Stop-Deploy "Sign-in failed: $(if ($why) { $why[0].Trim() } else { "rapport auth token exited with $($process.ExitCode); see the message above." })"
        }
        $result = try { $output | ConvertFrom-Json } catch { $null }
        if (-not $result -or -not $result.PSObject.Properties['accessToken']) { Stop-Deploy 'Sign-in failed: rapport auth token printed no token.' }
        return @{ Token = (ConvertTo-SecureString $result.accessToken -AsPlainText -Force); ExpiresOn = [datetimeoffset]::Parse([string] $result.expiresOn, [cultureinfo]::InvariantCulture) }
    } finally {
        $process.Dispose()
    }
}

# Gets a new token for the session (Arguments, Secret, Person) and remembers its lifetime for renewal.
function Update-Session {
    $result = Invoke-RapportAuth $script:Session.Arguments $script:Session.Secret $script:Session.Person
    $script:Session.Token = $result.Token
    $script:Session.ExpiresOn = $result.ExpiresOn
    $script:Session.Lifetime = $result.ExpiresOn - [datetimeoffset]::UtcNow
}

# The token to send now: renewed first when less than 5 minutes, or half its lifetime for short-lived ones, is left.
function Get-SessionToken([securestring] $Fallback) {
    $session = $script:Session
    if (-not $session) { return $Fallback }
    if ($session.Renewable) {
        $margin = [math]::Min(300, $session.Lifetime.TotalSeconds / 2)
        $left = ($session.ExpiresOn - [datetimeoffset]::UtcNow).TotalSeconds
        if ($left -lt $margin) {
            Write-Detail "The token expires in $([math]::Max(0, [int] $left)) s: renewing it."
            Update-Session
        }
    }
    return $session.Token
}

# Signs in and keeps the session in $script:Session (every Web API call takes its token from there); returns the token.
function Get-AccessToken {
    param([string] $Url, [bool] $Local, [object] $LocalState)
    if ($env:RAPPORT_ACCESS_TOKEN) {
        Write-Detail 'Using the bearer token in RAPPORT_ACCESS_TOKEN (not renewed: it must outlast the import).'
        $script:Session = @{ Renewable = $false; Token = (ConvertTo-SecureString $env:RAPPORT_ACCESS_TOKEN -AsPlainText -Force) }
        return $script:Session.Token
    }
    $arguments = [System.Collections.Generic.List[string]]::new()
    $arguments.AddRange([string[]] @('auth', 'token', '--environment', $Url))
    $secret = $null
    $person = $false
    $credentialSecret = if ($Credential -ne [pscredential]::Empty) { $Credential.Password } else { $null }
    if ($Local) {
        if ($LocalState -and $LocalState.url.TrimEnd('/') -eq $Url.TrimEnd('/')) {
            $secret = ConvertTo-SecureString $LocalState.token -AsPlainText -Force
        } elseif ($credentialSecret) {
            $secret = $credentialSecret
        } elseif (-not $env:RAPPORT_CLIENT_SECRET) {
            Stop-Deploy "No way to sign in to the local environment at $Url`: pass its token (.local-data/local.json) in RAPPORT_CLIENT_SECRET or RAPPORT_ACCESS_TOKEN."
        }
        Write-Detail "Signing in to the local environment (a short-lived token from $Url/rapport/token)."
    } else {
        $client = if ($ClientId) { $ClientId } elseif ($credentialSecret) { $Credential.UserName } else { $null }
        if ($Authority.Scheme -ne 'https') { Stop-Deploy "-Authority $Authority is not https: tokens are only requested over https." }
        $arguments.AddRange([string[]] @('--authority', $Authority.AbsoluteUri))
        if ($TenantId) { $arguments.AddRange([string[]] @('--tenant-id', $TenantId)) }
        if ($client) { $arguments.AddRange([string[]] @('--client-id', $client)) }
        if ($ManagedIdentity) {
            $arguments.AddRange([string[]] @('--flow', 'managed-identity'))
            Write-Detail "Signing in as the managed identity$(if ($client) { " $client (user-assigned)" } else { ' (system-assigned)' })."
        } elseif ($WorkloadIdentity) {
            if (-not $env:AZURE_FEDERATED_TOKEN_FILE) { Stop-Deploy '-WorkloadIdentity needs AZURE_FEDERATED_TOKEN_FILE (the federated token file the pipeline provides).' }
            $arguments.AddRange([string[]] @('--flow', 'federated'))
            Write-Detail "Signing in with workload identity federation (client $($client ?? $env:AZURE_CLIENT_ID), tenant $($TenantId ?? $env:AZURE_TENANT_ID))."
        } elseif ($CertificateThumbprint -or $CertificatePath) {
            $arguments.AddRange([string[]] @('--flow', 'certificate'))
            if ($CertificatePath) { $arguments.AddRange([string[]] @('--certificate-path', [System.IO.Path]::GetFullPath($CertificatePath))) }
            else { $arguments.AddRange([string[]] @('--certificate-thumbprint', $CertificateThumbprint)) }
            Write-Detail "Signing in with a certificate (client $client, tenant $TenantId, scope $Url/.default)."
        } elseif ($DeviceCode -or $Interactive) {
            if (-not $TenantId) { Stop-Deploy "-$(if ($DeviceCode) { 'DeviceCode' } else { 'Interactive' }) needs -TenantId (your tenant id or domain)." }
            $arguments.AddRange([string[]] @('--flow', $(if ($DeviceCode) { 'device-code' } else { 'interactive' })))
            $person = $true
            Write-Detail "Signing in $(if ($DeviceCode) { 'with a device code' } else { 'in the browser' }) (a cached sign-in is reused)."
        } else {
            $secret = $credentialSecret
            if (-not $TenantId -or -not $client -or (-not $secret -and -not $env:RAPPORT_CLIENT_SECRET)) {
                $lacking = @(if (-not $TenantId) { '-TenantId' }; if (-not $client) { '-ClientId' }; if (-not $secret -and -not $env:RAPPORT_CLIENT_SECRET) { 'the client secret (RAPPORT_CLIENT_SECRET or -Credential)' }) -join ', '
                Stop-Deploy "No way to sign in to $Url`: missing $lacking. Use client credentials, a certificate, -WorkloadIdentity, -ManagedIdentity, -DeviceCode, or a token in RAPPORT_ACCESS_TOKEN."
            }
            Write-Detail "Signing in with client credentials (client $client, tenant $TenantId, scope $Url/.default)."
        }
    }
    if ($secret) { $arguments.Add('--secret-stdin') }
    $script:Session = @{ Renewable = $true; Arguments = $arguments.ToArray(); Secret = $secret; Person = $person }
    Update-Session
    return $script:Session.Token
}

#endregion

#region Local environment

function Get-LocalStatePath([string] $DataDirectory) { Join-Path $DataDirectory 'local.json' }

# The running local environment from the state file, or $null when there is none (or it no longer answers).
function Get-LocalEnvironment([string] $DataDirectory) {
    $path = Get-LocalStatePath $DataDirectory
    if (-not (Test-Path $path)) { return $null }
    $state = try { Get-Content $path -Raw | ConvertFrom-Json } catch { $null }
    if (-not $state -or -not (Get-Process -Id $state.pid -ErrorAction Ignore)) { return $null }
    try {
        $secure = ConvertTo-SecureString $state.token -AsPlainText -Force
        Invoke-RestMethod -Uri "$($state.url)/api/data/v9.2/WhoAmI" -Authentication Bearer -Token $secure -AllowUnencryptedAuthentication -TimeoutSec 5 -Verbose:$false | Out-Null
        return $state
    } catch {
        return $null
    }
}

# A one-time sign-in link for a browser (LocalEnvironment/Web/SignIn.cs): null when the running environment predates it.
function Get-SignInLink([string] $Url, [securestring] $Token) {
    try {
        $link = Invoke-RestMethod -Uri "$Url/rapport/signin-codes" -Method POST -Authentication Bearer -Token $Token -AllowUnencryptedAuthentication -TimeoutSec 10 -Verbose:$false
        return [string] $link.url
    } catch {
        return $null
    }
}

function Test-PortFree([int] $Number) {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, $Number)
    try { $listener.Start(); return $true } catch { return $false } finally { $listener.Stop() }
}

# Starts `rapport local` detached, waits for its Listening line, writes the state file (pid, port, url, token).
function Start-LocalEnvironment([string] $DataDirectory, [int] $PreferredPort, [string] $SampleName) {
    New-Item -ItemType Directory -Force -Path $DataDirectory | Out-Null
    if (-not $IsWindows) { & chmod 700 $DataDirectory }
    $log = Join-Path $DataDirectory 'local.log'
    $portToUse = if ($PreferredPort -ne 0 -and (Test-PortFree $PreferredPort)) { $PreferredPort } else { 0 }
    $arguments = @('local', '--port', $portToUse, '--data', $DataDirectory)
    if ($SampleName) { $arguments += @('--sample', $SampleName) }
    $launcher = Join-Path $script:RepoRoot 'rapport'
    $start = @{ RedirectStandardOutput = $log; RedirectStandardError = (Join-Path $DataDirectory 'local.err.log'); PassThru = $true }
    $process = if ($IsWindows) {
        $dll = Join-Path $script:RepoRoot 'Cli/bin/Release/net10.0/rapport.dll'
        if (-not (Test-Path $dll)) { & dotnet build (Join-Path $script:RepoRoot 'Cli/Rapport.Cli.csproj') -c Release --nologo -v quiet | Out-Host }
        Start-Process dotnet -ArgumentList (@($dll) + $arguments) -WindowStyle Hidden @start
    } else {
        # nohup: the environment outlives this script and its terminal.
        Start-Process nohup -ArgumentList (@('bash', $launcher) + $arguments) @start
    }
    $deadline = [datetime]::UtcNow.AddMinutes(4)   # the first run builds the CLI
    $url = $null
    while (-not $url -and [datetime]::UtcNow -lt $deadline) {
        Start-Sleep -Milliseconds 250
        if ($process.HasExited) {
            $errors = (Get-Content (Join-Path $DataDirectory 'local.err.log') -ErrorAction Ignore | Select-Object -Last 5) -join "`n"
            Stop-Deploy "The local environment stopped at start (exit $($process.ExitCode)): $errors"
        }
        $lines = Get-Content $log -ErrorAction Ignore
        $listening = $lines | Select-String -Pattern '^Listening on (http://\S+)' | Select-Object -First 1
        if ($listening) { $url = $listening.Matches[0].Groups[1].Value.TrimEnd('/') }
    }
    if (-not $url) { Stop-Deploy "The local environment did not start within 4 minutes; see $log." }
    $token = (($lines | Select-String -Pattern '^Token: (\S+)' | Select-Object -First 1).Matches[0].Groups[1].Value)
    $state = [pscustomobject]@{ pid = $process.Id; port = ([uri]$url).Port; url = $url; token = $token; started = [datetime]::UtcNow.ToString('o') }
    $statePath = Get-LocalStatePath $DataDirectory
    $state | ConvertTo-Json | Set-Content -Path $statePath -Encoding utf8
    if (-not $IsWindows) { & chmod 600 $statePath }
    # The token is in the state file only: drop it from the log.
    Set-Content -Path $log -Value ($lines | Where-Object { $_ -notmatch '^Token: ' }) -Encoding utf8
    return $state
}

#endregion

#region Import

function Get-InstalledSolution([string] $Url, [securestring] $Token, [string] $UniqueName) {
    $filter = [uri]::EscapeDataString("uniquename eq '$UniqueName'")
    $rows = Invoke-DataverseApi -BaseUrl $Url -Token $Token -Path "solutions?`$select=uniquename,version,ismanaged&`$filter=$filter"
    return @($rows.value) | Select-Object -First 1
}

# The components the import job's XML log marks as failed: "<element> <name/id>: <errortext>".
function Get-FailedComponent([string] $ImportJobData) {
    if (-not $ImportJobData) { return @() }
    try { [xml] $xml = $ImportJobData } catch { return @("import log (not XML): $ImportJobData") }
    foreach ($result in $xml.SelectNodes("//result[@result='failure']")) {
        $owner = $result.ParentNode
        $label = foreach ($attribute in 'LocalizedName', 'name', 'id', 'OriginalName') {
            if ($owner.Attributes -and $owner.Attributes[$attribute]) { $owner.Attributes[$attribute].Value; break }
        }
        if (-not $label -and $owner.SelectSingleNode('UniqueName')) { $label = $owner.SelectSingleNode('UniqueName').InnerText }
        $text = $result.GetAttribute('errortext')
        $code = $result.GetAttribute('errorcode')
        "$($owner.LocalName)$(if ($label) { " $label" }): $text$(if ($code) { " [$code]" })"
    }
}

# "Ready / Waiting For Resources", "Locked / In Progress"... (asyncoperation statecode / statuscode).
function Get-AsyncStateName($Operation) {
    $states = @{ 0 = 'Ready'; 1 = 'Suspended'; 2 = 'Locked'; 3 = 'Completed' }
    $statuses = @{ 0 = 'Waiting For Resources'; 10 = 'Waiting'; 20 = 'In Progress'; 21 = 'Pausing'; 22 = 'Canceling'; 30 = 'Succeeded'; 31 = 'Failed'; 32 = 'Canceled' }
    "$($states[[int] $Operation.statecode] ?? $Operation.statecode) / $($statuses[[int] $Operation.statuscode] ?? $Operation.statuscode)"
}

# What to do after a run that timed out: the import may still finish on the server.
function Get-StillRunningAdvice {
    'It may still finish on the server. Next: follow it in Solution history (https://make.powerapps.com > Solutions > See history) or in Settings > System jobs; run Deploy.ps1 again later (it waits for a running import of the same solution instead of starting another), with a longer -TimeoutMinutes if imports take that long; if it stays stuck, cancel its system job and run again.'
}

# Polls asyncoperations(<id>) until statecode 3 (Completed), with Write-Progress from the import job; returns the row.
# "Not there yet" is not a failure: the system job may answer 404 just after the request, and the import job row exists
# only once the system job starts (learn.microsoft.com/power-platform/alm/solution-async). State changes are printed.
function Wait-AsyncOperation {
    param([string] $Url, [securestring] $Token, [string] $OperationId, [string] $ImportJobId, [string] $Activity)
    $deadline = [datetime]::UtcNow.AddMinutes($TimeoutMinutes)
    $started = [datetime]::UtcNow
    $jobSeen = $false
    $percent = 0
    $shown = ''
    try {
        while ($true) {
            $operation = Invoke-DataverseApi -BaseUrl $Url -Token $Token -Path "asyncoperations($OperationId)?`$select=statecode,statuscode,message,friendlymessage" -NotFoundIsNull
            if ($operation -and [int] $operation.statecode -eq 3) { return $operation }
            $state = if ($operation) { "system job $(Get-AsyncStateName $operation)" } else { 'system job not visible yet (404)' }
            if ($ImportJobId) {
                $job = Invoke-DataverseApi -BaseUrl $Url -Token $Token -Path "importjobs($ImportJobId)?`$select=progress" -NotFoundIsNull
                if ($job) {
                    $jobSeen = $true
                    if ($null -ne $job.progress) { $percent = [int][math]::Min(100, [double] $job.progress) }
                    $state += ", import job at $percent%"
                } elseif (-not $jobSeen) {
                    $state += ', import job not created yet (404)'
                }
            }
            $line = $state -replace '\d+%', 'N%'
            if ($line -ne $shown) { Write-Detail "$Activity`: $state"; $shown = $line }
            $elapsed = [int]([datetime]::UtcNow - $started).TotalSeconds
            Write-Progress -Activity $Activity -Status "$percent% ($elapsed s)" -PercentComplete $percent
            if ([datetime]::UtcNow -gt $deadline) {
                Stop-Deploy "$Activity did not finish within $TimeoutMinutes minutes ($state; system job $OperationId$(if ($ImportJobId) { ", import job $ImportJobId" })). $(Get-StillRunningAdvice)"
            }
            Start-Sleep -Milliseconds ([int] ($script:PollSeconds * 1000))
        }
    } finally {
        Write-Progress -Activity $Activity -Completed
    }
}

# An import of the same solution still running (started by an earlier run that timed out, or by someone else): waits
# for it to complete, because Dataverse refuses a second import while one runs. Import jobs older than 12 hours without
# completedon are ignored (an import that died without finishing its row).
function Wait-RunningImport([string] $Url, [securestring] $Token, [string] $UniqueName) {
    $filter = [uri]::EscapeDataString("solutionname eq '$UniqueName' and completedon eq null")
    $rows = @((Invoke-DataverseApi -BaseUrl $Url -Token $Token -Path "importjobs?`$select=importjobid,progress,startedon&`$filter=$filter").value)
    $running = $rows | Where-Object { -not $_.startedon -or ([datetime]::UtcNow - ([datetimeoffset] $_.startedon).UtcDateTime).TotalHours -lt 12 } | Select-Object -First 1
    if (-not $running) { return }
    $id = $running.importjobid
    Write-Detail "An import of $UniqueName is already in progress (import job $id, started $($running.startedon), $([int] $running.progress)%): waiting for it to finish before importing (up to $TimeoutMinutes minutes)."
    $deadline = [datetime]::UtcNow.AddMinutes($TimeoutMinutes)
    while ($true) {
        $job = Invoke-DataverseApi -BaseUrl $Url -Token $Token -Path "importjobs($id)?`$select=progress,completedon" -NotFoundIsNull
        if (-not $job -or $job.completedon) { Write-Detail 'The earlier import has finished; importing now.'; return }
        if ([datetime]::UtcNow -gt $deadline) {
            Stop-Deploy "An earlier import of $UniqueName is still in progress after $TimeoutMinutes minutes of waiting (import job $id at $([int] $job.progress)%); this run imported nothing. $(Get-StillRunningAdvice)"
        }
        Start-Sleep -Milliseconds ([int] ($script:PollSeconds * 1000))
    }
}

# What to do after a failed import, from its message: a lower version, missing dependencies, a cancelled job, else
# fix the named component.
function Get-ImportAdvice([string] $Message, [bool] $Cancelled) {
    if ($Cancelled) { return 'The system job was cancelled: run Deploy.ps1 again.' }
    if ($Message -match 'older than the installed|lower version') { return 'Raise the version (VERSION file, then pack again) or uninstall the installed version first.' }
    if ($Message -match 'dependenc|missing') { return 'Import the solutions it depends on first (Solution history in the maker portal lists the missing components), then run again.' }
    return 'Fix the component named above and run Deploy.ps1 again; a failed import changes nothing in the environment. Full log: Solution history in the maker portal (https://make.powerapps.com > Solutions > See history).'
}

# Import (update or holding) + wait; on failure prints the failing components from the import job and stops.
function Import-Solution {
    param([string] $Url, [securestring] $Token, [string] $Path, [bool] $Holding, [string] $Activity, [bool] $Overwrite)
    $jobId = [guid]::NewGuid().ToString()
    $body = [ordered]@{
        CustomizationFile = [Convert]::ToBase64String([System.IO.File]::ReadAllBytes($Path))
        # False by default, as pac and the Power Platform Build Tools: an admin's unmanaged changes stay on top.
        OverwriteUnmanagedCustomizations = $Overwrite
        PublishWorkflows = $true
        ImportJobId = $jobId
    }
    if ($Holding) { $body.HoldingSolution = $true }
    $response = Invoke-DataverseApi -BaseUrl $Url -Token $Token -Method POST -Path 'ImportSolutionAsync' -Body $body
    $operation = Wait-AsyncOperation -Url $Url -Token $Token -OperationId $response.AsyncOperationId -ImportJobId $jobId -Activity $Activity
    if ([int] $operation.statuscode -ne 30) {
        $job = try { Invoke-DataverseApi -BaseUrl $Url -Token $Token -Path "importjobs($jobId)?`$select=data,solutionname,progress" -NotFoundIsNull } catch { $null }
        $failed = @(Get-FailedComponent ($job ? $job.data : $null))
        $cancelled = [int] $operation.statuscode -eq 32
        $message = $operation.friendlymessage ?? $operation.message
        Write-Host "    The import $(if ($cancelled) { 'was cancelled' } else { 'failed' }): $message"
        if ($failed.Count) {
            Write-Host '    Failing components (from the import job):'
            $failed | ForEach-Object { Write-Host "      - $_" }
        }
        Stop-Deploy "The import of $(Split-Path $Path -Leaf) failed: $(if ($failed.Count) { $failed[0] } else { $message }). Import job $jobId, system job $($response.AsyncOperationId). Next: $(Get-ImportAdvice "$message $($failed -join ' ')" $cancelled)"
    }
}

function Invoke-Promote([string] $Url, [securestring] $Token, [string] $UniqueName) {
    $response = Invoke-DataverseApi -BaseUrl $Url -Token $Token -Method POST -Path 'DeleteAndPromoteAsync' -Body @{ UniqueName = $UniqueName }
    $operation = Wait-AsyncOperation -Url $Url -Token $Token -OperationId $response.AsyncOperationId -Activity "Applying the upgrade of $UniqueName"
    if ([int] $operation.statuscode -ne 30) { Stop-Deploy "Applying the upgrade (DeleteAndPromote) failed: $($operation.friendlymessage ?? $operation.message)" }
}

#endregion

#region Build

# Runs a native command, streaming its output (stderr too) line by line with the elapsed time.
function Invoke-Native([string] $What, [scriptblock] $Command) {
    & $Command 2>&1 | ForEach-Object { Write-Host "    [$(Format-Elapsed)] $_" }
    if ($LASTEXITCODE -ne 0) { Stop-Deploy "$What failed (exit $LASTEXITCODE); see the output above." }
}

# The failed tests in the TRX files of a run: "<test>: <first line of its message>".
function Get-FailedTest([string] $ResultsDirectory) {
    foreach ($file in Get-ChildItem -Path $ResultsDirectory -Filter *.trx -ErrorAction Ignore) {
        try { [xml] $trx = Get-Content -Raw $file.FullName } catch { continue }
        $ns = [System.Xml.XmlNamespaceManager]::new($trx.NameTable)
        $ns.AddNamespace('t', $trx.DocumentElement.NamespaceURI)
        foreach ($result in $trx.SelectNodes("//t:UnitTestResult[@outcome='Failed']", $ns)) {
            $message = $result.SelectSingleNode('t:Output/t:ErrorInfo/t:Message', $ns)
            $first = if ($message) { ($message.InnerText.Trim() -split "`r?`n")[0] } else { '(no message)' }
            "$($result.GetAttribute('testName')): $first"
        }
    }
}

# dotnet test with a TRX per test project; on failure names the failing tests and their first message line.
function Invoke-Tests([bool] $NoBuild) {
    $results = Join-Path ([System.IO.Path]::GetTempPath()) "rapport-deploy-tests-$PID"
    Remove-Item -Recurse -Force $results -ErrorAction Ignore
    $arguments = @((Join-Path $script:RepoRoot 'Extension.sln'), '-c', 'Release', '--nologo', '--logger', 'trx', '--results-directory', $results)
    if ($NoBuild) { $arguments += '--no-build' }
    $exit = 1
    try {
        & dotnet test @arguments 2>&1 | ForEach-Object { Write-Host "    [$(Format-Elapsed)] $_" }
        $exit = $LASTEXITCODE
        if ($exit -eq 0) { return }
        $failed = @(Get-FailedTest $results)
        if ($failed.Count) {
            Write-Host "    Failing tests ($($failed.Count)):"
            $failed | Select-Object -First 30 | ForEach-Object { Write-Host "      - $_" }
            if ($failed.Count -gt 30) { Write-Host "      ... and $($failed.Count - 30) more (TRX files in $results)" }
            Stop-Deploy "$($failed.Count) test(s) failed, the first: $($failed[0])"
        }
        Stop-Deploy "The tests failed (exit $exit) without a failed test in the TRX files; see the output above."
    } finally {
        if ($exit -eq 0) { Remove-Item -Recurse -Force $results -ErrorAction Ignore }
    }
}

function Invoke-Rapport([string[]] $Arguments) {
    if ($IsWindows) {
        $dll = Join-Path $script:RepoRoot 'Cli/bin/Release/net10.0/rapport.dll'
        Invoke-Native 'Building the rapport CLI' { dotnet build (Join-Path $script:RepoRoot 'Cli/Rapport.Cli.csproj') -c Release --nologo -v quiet -clp:ErrorsOnly }
        Invoke-Native "rapport $($Arguments[0])" { dotnet $dll @Arguments }
    } else {
        Invoke-Native "rapport $($Arguments[0])" { bash (Join-Path $script:RepoRoot 'rapport') @Arguments }
    }
}

#endregion

function Invoke-Deploy {
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $local = Test-LocalEnvironment $Environment
    $packZip = -not $SolutionFile
    $build = $packZip -and -not $SkipBuild
    $webResources = $build -and (Test-Path (Join-Path $script:RepoRoot 'WebResources/package.json'))
    $dataDirectory = if ($LocalDataDirectory) { [System.IO.Path]::GetFullPath($LocalDataDirectory) } else { Join-Path $script:RepoRoot '.local-data' }
    $outDirectory = if ($OutputDirectory) { [System.IO.Path]::GetFullPath($OutputDirectory) } else { Join-Path $script:RepoRoot 'out' }
    if ($Sample -and -not $local) { Stop-Deploy '-Sample seeds the local environment only; drop it for a Dataverse environment.' }
    if (-not $local -and -not $env:RAPPORT_ACCESS_TOKEN -and -not $ManagedIdentity -and -not ($WorkloadIdentity -and $env:AZURE_TENANT_ID) -and -not $TenantId) {
        # Checked early so a long build is not wasted.
        Stop-Deploy "Deploying to $Environment needs -TenantId and -ClientId with RAPPORT_CLIENT_SECRET or -Credential, or -DeviceCode (or a certificate, -WorkloadIdentity, -ManagedIdentity)."
    }

    Write-Step 'Checking prerequisites'
    $missing = Get-MissingPrerequisite -NeedBuild $build -NeedNode $webResources -NeedPack $packZip
    if ($missing.Count) { Stop-Deploy ("Missing prerequisites:`n  - " + ($missing -join "`n  - ")) }
    if ($SolutionFile -and -not (Test-Path $SolutionFile -PathType Leaf)) { Stop-Deploy "-SolutionFile '$SolutionFile' does not exist." }
    Write-Detail "PowerShell $($PSVersionTable.PSVersion)$(if ($packZip) { ", .NET SDK $((& dotnet --version) 2>$null)" })"

    if ($build) {
        if ($webResources -and $PSCmdlet.ShouldProcess('WebResources/', 'Build the web resources (npm ci, npm run build)')) {
            Write-Step 'Building the web resources'
            Push-Location (Join-Path $script:RepoRoot 'WebResources')
            try {
                if (-not (Test-Path node_modules)) { Invoke-Native 'npm ci' { npm ci --no-audit --no-fund --loglevel=error } }
                Invoke-Native 'The web resources build' { npm run -s build }
            } finally { Pop-Location }
        }
        if ($PSCmdlet.ShouldProcess('Extension.sln', 'Build the assemblies (Release)')) {
            Write-Step 'Building the assemblies'
            # One line per project built, and every warning (the build treats warnings as errors).
            Invoke-Native 'The build' { dotnet build (Join-Path $script:RepoRoot 'Extension.sln') -c Release --nologo -v minimal -tl:off }
        }
        if (-not $SkipTests -and $PSCmdlet.ShouldProcess('Extension.sln', 'Run the NUnit tests')) {
            Write-Step 'Running the tests (one line per test project)'
            Invoke-Tests -NoBuild $true
        }
    } elseif ($packZip -and -not $SkipTests -and $PSCmdlet.ShouldProcess('Extension.sln', 'Run the NUnit tests')) {
        Write-Step 'Running the tests (one line per test project)'
        Invoke-Tests -NoBuild $false
    }

    $zipName = if ($Unmanaged) { 'Rapport.zip' } else { 'Rapport_managed.zip' }
    $zip = if ($SolutionFile) { [System.IO.Path]::GetFullPath($SolutionFile) } else { Join-Path $outDirectory $zipName }
    if ($packZip -and $PSCmdlet.ShouldProcess($outDirectory, 'Pack Rapport_managed.zip and Rapport.zip')) {
        Write-Step 'Packing the solution'
        Invoke-Rapport (@('pack', '--output', $outDirectory) + @(if ($SkipBuild) { '--no-build' }))
    }
    $info = if (Test-Path $zip -PathType Leaf) { Get-SolutionInfo $zip } else { $null }
    $label = if ($info) { "$($info.UniqueName) $($info.Version) ($(if ($info.Managed) { 'managed' } else { 'unmanaged' }))" } else { $zipName }
    if ($Upgrade -and $info -and -not $info.Managed) { Stop-Deploy "-Upgrade needs a managed solution; $(Split-Path $zip -Leaf) is unmanaged." }

    # Where to: the local environment (started or reused) or the URL given.
    $state = $null
    if ($Environment -eq 'local') {
        $state = Get-LocalEnvironment $dataDirectory
        if ($state) {
            Write-Step "Reusing the local environment at $($state.url) (pid $($state.pid))"
            if ($Sample) { Write-Detail "Sample data is seeded when the local environment starts empty; this one is already running." }
        } elseif ($PSCmdlet.ShouldProcess($dataDirectory, "Start the local environment$(if ($Sample) { " with $Sample sample data" })")) {
            Write-Step 'Starting the local environment'
            $state = Start-LocalEnvironment $dataDirectory $Port $Sample
            Write-Detail "Started at $($state.url) (pid $($state.pid), data in $dataDirectory)."
        } else {
            $url = "http://127.0.0.1:$Port"
        }
        if ($state) { $url = $state.url }
    } else {
        $url = Resolve-EnvironmentUrl $Environment
        if ($local) { $state = Get-LocalEnvironment $dataDirectory }
    }

    $mode = if ($Upgrade) { 'stage and upgrade (removes components dropped from this version)' } else { 'update' }
    $overwrite = "OverwriteUnmanagedCustomizations=$(if ($OverwriteUnmanagedCustomizations) { 'true' } else { 'false' })"
    $publish = $info -and -not $info.Managed
    if (-not $PSCmdlet.ShouldProcess($url, "Import $label as $mode with ImportSolutionAsync ($overwrite)$(if ($publish) { ', then publish all customizations' })")) {
        Write-Host "Plan complete (-WhatIf): nothing was built, started, imported or published."
        return
    }

    Write-Step "Signing in to $url"
    $token = Get-AccessToken -Url $url -Local $local -LocalState $state
    $who = Invoke-DataverseApi -BaseUrl $url -Token $token -Path 'WhoAmI'
    Write-Detail "Signed in as user $($who.UserId) (organization $($who.OrganizationId))."
    if (-not $info) { Stop-Deploy "The solution zip $zip does not exist: pack it first (drop -SkipBuild) or pass -SolutionFile." }

    $before = Get-InstalledSolution $url $token $info.UniqueName
    $holding = [bool] $Upgrade
    if ($Upgrade -and -not $before) {
        Write-Detail "$($info.UniqueName) is not installed yet: importing it (nothing to upgrade)."
        $holding = $false
    } elseif ($Upgrade -and [version] $info.Version -le [version] $before.version) {
        Write-Warning "An upgrade needs a higher version than the installed $($before.version); importing $($info.Version) as an update instead."
        $holding = $false
    }

    Wait-RunningImport $url $token $info.UniqueName
    Write-Step "Importing $label into $url$(if ($holding) { ' as a holding solution' }) ($overwrite)"
    Import-Solution -Url $url -Token $token -Path $zip -Holding $holding -Activity "Importing $label" -Overwrite ([bool] $OverwriteUnmanagedCustomizations)
    if ($holding) {
        Write-Step "Applying the upgrade (DeleteAndPromote)"
        Invoke-Promote $url $token $info.UniqueName
    }
    if ($publish) {
        Write-Step 'Publishing customizations'
        Invoke-DataverseApi -BaseUrl $url -Token $token -Method POST -Path 'PublishAllXml' | Out-Null
    } else {
        Write-Detail 'No publish needed: a managed import publishes its customizations (PublishAllXml is for unmanaged imports).'
    }
    $after = Get-InstalledSolution $url $token $info.UniqueName

    $change = if (-not $before) { 'new install' }
              elseif ($holding) { "upgrade from $($before.version): components missing from $($info.Version) were removed" }
              elseif ([version] $info.Version -gt [version] $before.version) { "update from $($before.version): components added or changed, none removed" }
              else { "same version re-imported ($($before.version)): components refreshed" }
    Write-Host ''
    Write-Host 'Deployed.'
    Write-Host "  Solution:    $($info.UniqueName) $($after.version) ($(if ($info.Managed) { 'managed' } else { 'unmanaged' }))"
    Write-Host "  Environment: $url"
    Write-Host "  Change:      $change"
    Write-Host "  Contents:    $($info.WebResources) web resources, $($info.Assemblies) plug-in assemblies, $($info.CustomApis) Custom APIs"
    Write-Host "  Duration:    $([math]::Round($clock.Elapsed.TotalSeconds, 1)) s"
    if ($Environment -eq 'local' -and $state) {
        # The sign-in link is printed, the token never: its code works once, for 10 minutes, and only opens a browser
        # session (an HttpOnly cookie) on this loopback environment, so a transcript or a screen share leaks nothing lasting.
        $signIn = Get-SignInLink $state.url (ConvertTo-SecureString $state.token -AsPlainText -Force)
        if ($signIn) { Write-Host "  Open:        $signIn   (sign-in link: works once, for 10 minutes)" }
        else { Write-Host "  Open:        restart the local environment (kill $($state.pid), then deploy again) for a browser sign-in link" }
        Write-Host "  Web API:     $($state.url)/api/data/v9.2/ (bearer token in $(Get-LocalStatePath $dataDirectory))"
        Write-Host "  Stop it:     kill $($state.pid)   (or Stop-Process -Id $($state.pid))"
    }
}

if ($MyInvocation.InvocationName -ne '.') {
    $ErrorActionPreference = 'Stop'
    if ($Environment -match '^https?://127\.0\.0\.1|^https?://localhost') { $script:PollSeconds = 0.25 }
    elseif ($Environment -eq 'local') { $script:PollSeconds = 0.25 }
    try {
        Invoke-Deploy
        exit 0
    } catch [DeployException] {
        $host.UI.WriteErrorLine("Deploy failed: $($_.Exception.Message)")
        exit 1
    } catch {
        $host.UI.WriteErrorLine("Deploy failed: $($_.Exception.Message)")
        exit 1
    }
}
