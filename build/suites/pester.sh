#!/usr/bin/env bash
# Pester suite for Deploy.ps1 (Tests/Deploy): PowerShell 7.6.9 from the local tool manifest, Pester 5.7.1 from NuGet
# (restore-only Tests/Deploy/pester.csproj), a local environment over HTTP per test file (./rapport builds the CLI).
# Last line: "N passed, N failed, N skipped"; exit non-zero on failure.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off
fail() { echo "$1" >&2; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
dotnet tool restore >/dev/null || fail "dotnet tool restore failed (PowerShell 7.6.9)"
dotnet restore Tests/Deploy/pester.csproj --nologo -v quiet >/dev/null || fail "restoring Pester (Tests/Deploy/pester.csproj) failed"
gp="$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')"
export PESTER_DIR="${gp%/}/pester/5.7.1/tools"
[ -f "$PESTER_DIR/Pester.psd1" ] || fail "Pester.psd1 not found in $PESTER_DIR"
./rapport --help >/dev/null || fail "the rapport CLI does not build"
dotnet pwsh -NoLogo -NoProfile -NonInteractive -File Tests/Deploy/run-pester.ps1
