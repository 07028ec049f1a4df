# The same deploy against a real Dataverse environment: runs when RAPPORT_ENVIRONMENT_URL is set (with
# RAPPORT_TENANT_ID, RAPPORT_CLIENT_ID and RAPPORT_CLIENT_SECRET, or RAPPORT_ACCESS_TOKEN); skipped otherwise.
BeforeDiscovery {
    $script:Real = [bool] $env:RAPPORT_ENVIRONMENT_URL
}

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    if ($env:RAPPORT_ENVIRONMENT_URL) { $script:Zips = New-PackedZips }
    function Deploy([string[]] $More = @()) {
        $with = @{}
        foreach ($name in 'RAPPORT_CLIENT_SECRET', 'RAPPORT_ACCESS_TOKEN') { if ([Environment]::GetEnvironmentVariable($name)) { $with[$name] = [Environment]::GetEnvironmentVariable($name) } }
        $arguments = @('-Environment', $env:RAPPORT_ENVIRONMENT_URL, '-SkipBuild', '-SkipTests', '-SolutionFile', (Join-Path $script:Zips 'Rapport_managed.zip'))
        if ($env:RAPPORT_TENANT_ID) { $arguments += @('-TenantId', $env:RAPPORT_TENANT_ID) }
        if ($env:RAPPORT_CLIENT_ID) { $arguments += @('-ClientId', $env:RAPPORT_CLIENT_ID) }
        Invoke-DeployScript -Arguments ($arguments + $More) -Environment $with
    }
}

Describe 'Deploy.ps1 to a real Dataverse environment' {
    # Skipped with the reason printed (Pester's -Skip prints none).
    BeforeEach { if (-not $Real) { Set-ItResult -Skipped -Because 'RAPPORT_ENVIRONMENT_URL is not set (with RAPPORT_TENANT_ID, RAPPORT_CLIENT_ID and RAPPORT_CLIENT_SECRET, or RAPPORT_ACCESS_TOKEN)' } }

    It '-WhatIf changes nothing' {
        $r = Deploy @('-WhatIf')
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $r.Output | Should -Match 'What if: .*Import Rapport_managed.zip'
    }

    It 'deploys and re-deploys the same version, without writing the secret' {
        foreach ($run in 1, 2) {
            $r = Deploy
            $r.ExitCode | Should -Be 0 -Because $r.Output
            $r.Output | Should -Match 'Deployed\.'
            if ($env:RAPPORT_CLIENT_SECRET) { $r.Output | Should -Not -Match ([regex]::Escape($env:RAPPORT_CLIENT_SECRET)) }
        }
        $r.Output | Should -Match 'Change:\s+same version re-imported'
    }
}
