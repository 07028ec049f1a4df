# Runs the Deploy.ps1 Pester suite; PESTER_DIR is the folder of Pester.psd1 (build/suites/pester.sh sets it).
# Last line: "N passed, N failed, N skipped"; exit 1 on any failure.
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $env:PESTER_DIR 'Pester.psd1')
$cfg = New-PesterConfiguration
$cfg.Run.Path = $PSScriptRoot
$cfg.Run.PassThru = $true
$cfg.Output.Verbosity = 'Detailed'
$cfg.Output.RenderMode = 'Plaintext'
$cfg.TestResult.Enabled = $true
$results = Join-Path $PSScriptRoot '../../TestResults'
New-Item -ItemType Directory -Force -Path $results | Out-Null
$cfg.TestResult.OutputPath = Join-Path $results 'pester-deploy.xml'
try {
    $r = Invoke-Pester -Configuration $cfg
} catch {
    Write-Host "Pester failed: $($_.Exception.Message)"
    '0 passed, 1 failed, 0 skipped'
    exit 1
}
foreach ($test in $r.Skipped) {
    # Set-ItResult -Skipped -Because leaves the reason in the error record; a bare -Skip leaves none.
    $why = @($test.ErrorRecord | ForEach-Object { $_.Exception.Message }) -join '; '
    Write-Host "Skipped: $($test.ExpandedPath): $(if ($why) { $why } else { 'no reason given (-Skip)' })"
}
"$($r.PassedCount) passed, $($r.FailedCount) failed, $($r.SkippedCount) skipped"
exit ([int]($r.FailedCount -gt 0 -or $r.Result -ne 'Passed'))
