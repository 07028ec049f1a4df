# Shared by the Deploy.ps1 Pester files: a local environment per file (over HTTP), zips packed once per file, and
# Deploy.ps1 run as a child process the way an admin runs it (exit code, stdout and stderr captured).
$ErrorActionPreference = 'Stop'
$script:Repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:DeployScript = Join-Path $script:Repo 'Deploy.ps1'
# This pwsh again: the apphost when there is one, else `dotnet <PSHOME>/pwsh.dll` (pwsh as a dotnet local tool).
$script:Pwsh = if ([System.IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'pwsh') { @([Environment]::ProcessPath) } else { @([Environment]::ProcessPath, (Join-Path $PSHOME 'pwsh.dll')) }

function New-TestDirectory([string] $Name) {
    $dir = Join-Path ([System.IO.Path]::GetTempPath()) "rapport-deploy-$Name-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    New-Item -ItemType Directory -Path $dir | Out-Null
    return $dir
}

# The rapport CLI: ./rapport (builds it when stale), or a prebuilt dll named by RAPPORT_CLI_DLL.
function Get-RapportCommand {
    if ($env:RAPPORT_CLI_DLL) { return @('dotnet', $env:RAPPORT_CLI_DLL) }
    return @('bash', (Join-Path $script:Repo 'rapport'))
}

# `rapport local --port 0 --token <t> --data <dir> [--throttle N] [test behaviours, e.g. --import-delay 2]`; returns
# url, token, process, data dir.
function Start-TestEnvironment([int] $Throttle = 0, [int] $RetryAfter = 1, [string[]] $Behaviour = @()) {
    $data = New-TestDirectory 'env'
    $token = [guid]::NewGuid().ToString('N')
    $cli = Get-RapportCommand
    $arguments = @($cli[1..($cli.Count - 1)]) + @('local', '--port', '0', '--token', $token, '--data', (Join-Path $data 'data'))
    if ($Throttle -gt 0) { $arguments += @('--throttle', $Throttle, '--throttle-retry-after', $RetryAfter) }
    $arguments += $Behaviour
    $log = Join-Path $data 'out.log'
    $process = Start-Process -FilePath $cli[0] -ArgumentList $arguments -RedirectStandardOutput $log -RedirectStandardError (Join-Path $data 'err.log') -PassThru
    $deadline = [datetime]::UtcNow.AddMinutes(4)
    while ([datetime]::UtcNow -lt $deadline) {
        $line = Get-Content $log -ErrorAction Ignore | Select-String '^Listening on (http://\S+)' | Select-Object -First 1
        if ($line) {
            return [pscustomobject]@{ Url = $line.Matches[0].Groups[1].Value.TrimEnd('/'); Token = $token; Process = $process; Data = $data }
        }
        if ($process.HasExited) { throw "rapport local exited: $(Get-Content (Join-Path $data 'err.log') -Raw)" }
        Start-Sleep -Milliseconds 200
    }
    throw 'rapport local did not start'
}

function Stop-TestEnvironment($Environment) {
    if ($Environment -and -not $Environment.Process.HasExited) {
        Stop-Process -Id $Environment.Process.Id -ErrorAction Ignore
        $Environment.Process.WaitForExit(10000) | Out-Null
    }
}

# Packs Rapport_managed.zip and Rapport.zip once into a temp folder (or copies them from RAPPORT_TEST_ZIPS, a folder
# packed beforehand).
function New-PackedZips {
    $out = New-TestDirectory 'zips'
    if ($env:RAPPORT_TEST_ZIPS) {
        Copy-Item (Join-Path $env:RAPPORT_TEST_ZIPS 'Rapport*.zip') $out
        return $out
    }
    $cli = Get-RapportCommand
    & $cli[0] @($cli[1..($cli.Count - 1)]) pack --output $out | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "rapport pack failed ($LASTEXITCODE)" }
    return $out
}

# A copy of a zip with solution.xml's Version changed, web resources dropped and/or an assembly's bytes broken.
function New-ZipVariant {
    param([string] $Source, [string] $Destination, [string] $Version, [string[]] $DropWebResource = @(), [string] $BreakAssembly)
    Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
    Copy-Item $Source $Destination -Force
    $zip = [System.IO.Compression.ZipFile]::Open($Destination, 'Update')
    try {
        $read = { param($name) $r = [System.IO.StreamReader]::new($zip.GetEntry($name).Open()); try { $r.ReadToEnd() } finally { $r.Dispose() } }
        $write = {
            param($name, [byte[]] $bytes)
            $zip.GetEntry($name).Delete()
            $s = $zip.CreateEntry($name).Open(); try { $s.Write($bytes, 0, $bytes.Length) } finally { $s.Dispose() }
        }
        [xml] $solution = & $read 'solution.xml'
        $solution.ImportExportXml.SolutionManifest.Version = $Version
        & $write 'solution.xml' ([Text.Encoding]::UTF8.GetBytes($solution.OuterXml))
        [xml] $customizations = & $read 'customizations.xml'
        foreach ($name in $DropWebResource) {
            $node = $customizations.SelectSingleNode("//WebResources/WebResource[Name='$name']")
            $file = $node.FileName.TrimStart('/')
            [void] $node.ParentNode.RemoveChild($node)
            $zip.GetEntry($file).Delete()
        }
        & $write 'customizations.xml' ([Text.Encoding]::UTF8.GetBytes($customizations.OuterXml))
        if ($BreakAssembly) {
            $entry = $zip.Entries | Where-Object { $_.FullName -like "PluginAssemblies/*/$BreakAssembly.dll" } | Select-Object -First 1
            & $write $entry.FullName ([Text.Encoding]::ASCII.GetBytes('this is not a .NET assembly'))
        }
    } finally {
        $zip.Dispose()
    }
    return $Destination
}

# Runs Deploy.ps1 in a child pwsh as an admin would; environment variables set for the child only.
function Invoke-DeployScript {
    param([string[]] $Arguments, [hashtable] $Environment = @{}, [string] $Transcript)
    $saved = @{}
    foreach ($key in @('RAPPORT_ACCESS_TOKEN', 'RAPPORT_CLIENT_SECRET') + @($Environment.Keys)) {
        $saved[$key] = [Environment]::GetEnvironmentVariable($key)
        Remove-Item "Env:$key" -ErrorAction Ignore
    }
    foreach ($key in $Environment.Keys) { Set-Item "Env:$key" $Environment[$key] }
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    try {
        if ($Transcript) {
            # Parameter names stay bare (a quoted '-Name' would be a positional value); values are single-quoted.
            $quoted = ($Arguments | ForEach-Object { if ($_ -match '^-[A-Za-z]+$') { $_ } else { "'" + ($_ -replace "'", "''") + "'" } }) -join ' '
            $command = "Start-Transcript -Path '$Transcript' | Out-Null; & '$script:DeployScript' $quoted; `$code = `$LASTEXITCODE; Stop-Transcript | Out-Null; exit `$code"
            $output = & $script:Pwsh[0] @($script:Pwsh | Select-Object -Skip 1) -NoLogo -NoProfile -NonInteractive -Command $command 2>&1
        } else {
            $output = & $script:Pwsh[0] @($script:Pwsh | Select-Object -Skip 1) -NoLogo -NoProfile -NonInteractive -File $script:DeployScript @Arguments 2>&1
        }
        $code = $LASTEXITCODE
    } finally {
        foreach ($key in $saved.Keys) {
            if ($null -eq $saved[$key]) { Remove-Item "Env:$key" -ErrorAction Ignore } else { Set-Item "Env:$key" $saved[$key] }
        }
    }
    # Error records render with ANSI colours; the assertions (and the XML report) read plain text.
    $text = (($output | ForEach-Object { "$_" }) -join "`n") -replace "\x1b\[[0-9;]*m", ''
    [pscustomobject]@{ ExitCode = $code; Output = $text; Seconds = $clock.Elapsed.TotalSeconds }
}

# What an admin checks in the environment: the installed solutions, a web resource.
function Get-Solutions($Environment) {
    $secure = ConvertTo-SecureString $Environment.Token -AsPlainText -Force
    for ($i = 0; $i -lt 10; $i++) {
        $r = Invoke-WebRequest -Uri "$($Environment.Url)/api/data/v9.2/solutions?`$select=uniquename,version" -Authentication Bearer -Token $secure -AllowUnencryptedAuthentication -SkipHttpErrorCheck
        if ([int] $r.StatusCode -eq 200) { return @(($r.Content | ConvertFrom-Json).value) }
        Start-Sleep -Seconds 1   # a throttled environment: wait as told
    }
    throw 'solutions query kept failing'
}

function Get-WebResourceStatus($Environment, [string] $Name) {
    [int] (Invoke-WebRequest -Uri "$($Environment.Url)/WebResources/$Name" -SkipHttpErrorCheck).StatusCode
}
