# Deploy.ps1 against a local environment over HTTP, as an admin runs it: exit code, what it prints, what the
# environment holds afterwards.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $script:Zips = New-PackedZips
    $script:Env = Start-TestEnvironment
    $script:Managed = Join-Path $Zips 'Rapport_managed.zip'
    $script:Dropped = 'rapport_/icons/unfollow.svg'
    $script:V2 = New-ZipVariant -Source $Managed -Destination (Join-Path $Zips 'v2.zip') -Version '1.0.0.1' -DropWebResource $Dropped
    $script:Broken = New-ZipVariant -Source $Managed -Destination (Join-Path $Zips 'broken.zip') -Version '1.0.0.9' -BreakAssembly 'Rapport.WorkflowActivities'
    $script:Auth = @{ RAPPORT_ACCESS_TOKEN = $Env.Token }
    function Deploy([string[]] $More, [hashtable] $With = $script:Auth) {
        Invoke-DeployScript -Arguments (@('-Environment', $script:Env.Url, '-SkipBuild', '-SkipTests') + $More) -Environment $With
    }
}

AfterAll {
    Stop-TestEnvironment $script:Env
}

Describe 'Deploy.ps1 help and parameters' {
    It 'has comment-based help with a synopsis, examples and every parameter described' {
        $help = Get-Help $DeployScript -Full
        $help.Synopsis | Should -Match 'Deploys Rapport'
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        foreach ($name in 'Environment', 'Managed', 'Unmanaged', 'Upgrade', 'TenantId', 'ClientId', 'Credential', 'DeviceCode', 'SkipBuild', 'SkipTests', 'Sample') {
            ($help.parameters.parameter | Where-Object name -eq $name).description.Text | Should -Not -BeNullOrEmpty -Because "-$name is documented"
        }
    }

    It 'takes the secret as a PSCredential or from RAPPORT_CLIENT_SECRET, never as a plain-text parameter' {
        $parameters = (Get-Command $DeployScript).Parameters
        $parameters['Credential'].ParameterType | Should -Be ([pscredential])
        $parameters.Keys | Where-Object { $_ -match 'Secret|Password|Token' } | Should -BeNullOrEmpty
        $parameters['Sample'].Attributes.ValidValues | Should -Be @('nonprofit', 'sales')
        (Get-Command $DeployScript).Parameters.ContainsKey('WhatIf') | Should -BeTrue
    }
}

Describe 'Deploy.ps1 to a local environment' {
    It '-WhatIf shows the plan and changes nothing' {
        $out = Join-Path (New-TestDirectory 'whatif') 'out'
        $r = Invoke-DeployScript -Arguments @('-Environment', $Env.Url, '-OutputDirectory', $out, '-WhatIf') -Environment $Auth
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $r.Output | Should -Match 'What if: .*Build the assemblies'
        $r.Output | Should -Match 'What if: .*Pack Rapport_managed.zip'
        $r.Output | Should -Match "What if: .*Import Rapport_managed.zip as update with ImportSolutionAsync.*on target `"$([regex]::Escape($Env.Url))`""
        $r.Output | Should -Match 'nothing was built, started, imported or published'
        Test-Path $out | Should -BeFalse -Because 'nothing was packed'
        Get-Solutions $Env | Should -BeNullOrEmpty
    }

    It 'a full deploy imports, publishes and prints the summary' {
        $r = Deploy @('-SolutionFile', $Managed)
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $r.Output | Should -Match '==> Importing Rapport 1\.0\.0\.0 \(managed\)'
        # PublishAllXml is needed only after unmanaged imports (learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/publishallxml).
        $r.Output | Should -Match 'No publish needed: a managed import'
        $r.Output | Should -Not -Match '==> Publishing customizations'
        $r.Output | Should -Match 'OverwriteUnmanagedCustomizations=false'
        $r.Output | Should -Match 'Solution:\s+Rapport 1\.0\.0\.0 \(managed\)'
        $r.Output | Should -Match 'Change:\s+new install'
        $r.Output | Should -Match 'Duration:\s+[\d.]+ s'
        (Get-Solutions $Env | Where-Object uniquename -eq 'Rapport').version | Should -Be '1.0.0.0'
        Get-WebResourceStatus $Env $Dropped | Should -Be 200
    }

    It 're-deploying the same version succeeds and says so' {
        $r = Deploy @('-SolutionFile', $Managed)
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $r.Output | Should -Match 'Change:\s+same version re-imported \(1\.0\.0\.0\)'
        @(Get-Solutions $Env | Where-Object uniquename -like 'Rapport*').Count | Should -Be 1
    }

    It 'a broken zip fails with the failing part named and leaves the installed version' {
        $r = Deploy @('-SolutionFile', $Broken)
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'Failing components \(from the import job\):'
        $r.Output | Should -Match 'PluginAssemblies/Rapport\.WorkflowActivities: the assembly cannot be loaded'
        $r.Output | Should -Match 'Deploy failed: The import of broken\.zip failed'
        $r.Output | Should -Not -Match 'Publishing customizations'
        (Get-Solutions $Env | Where-Object uniquename -eq 'Rapport').version | Should -Be '1.0.0.0'
    }

    It '-Upgrade stages the new version and removes the components it dropped' {
        $r = Deploy @('-SolutionFile', $V2, '-Upgrade')
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $r.Output | Should -Match 'as a holding solution'
        $r.Output | Should -Match '==> Applying the upgrade \(DeleteAndPromote\)'
        $r.Output | Should -Match 'Change:\s+upgrade from 1\.0\.0\.0'
        $solutions = Get-Solutions $Env
        ($solutions | Where-Object uniquename -eq 'Rapport').version | Should -Be '1.0.0.1'
        $solutions | Where-Object uniquename -eq 'Rapport_Upgrade' | Should -BeNullOrEmpty -Because 'the holding solution was promoted'
        Get-WebResourceStatus $Env $Dropped | Should -Be 404 -Because 'the upgrade removed the web resource v2 dropped'
        Get-WebResourceStatus $Env 'rapport_/icons/follow.svg' | Should -Be 200
    }

    It 'a wrong token stops at sign-in with a clear 401 message and does not echo the token' {
        $wrong = 'wrong-' + [guid]::NewGuid().ToString('N')
        $r = Deploy @('-SolutionFile', $Managed) @{ RAPPORT_ACCESS_TOKEN = $wrong }
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'Deploy failed: 401 Unauthorized from http://127\.0\.0\.1:\d+: the token was refused'
        $r.Output | Should -Match 'application user'
        $r.Output | Should -Not -Match $wrong
        $r.Output | Should -Not -Match 'Importing'
    }

    It 'an environment URL without any way to sign in stops at once, naming what is missing' {
        $r = Invoke-DeployScript -Arguments @('-Environment', 'https://contoso.crm.dynamics.com', '-SkipBuild', '-SkipTests', '-SolutionFile', $Managed)
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'needs -TenantId and -ClientId with RAPPORT_CLIENT_SECRET or -Credential, or -DeviceCode'
        $r.Output | Should -Not -Match 'Checking prerequisites|Signing in'
    }
}
