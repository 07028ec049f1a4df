#!/usr/bin/env bash
# The main job: restore, build the assemblies (net462 for Dataverse), build the web resources, pack the solution zips.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash build/install-prerequisites.sh
dotnet build Extension.sln -c Release --nologo -v minimal -clp:ErrorsOnly
if [ -f WebResources/package.json ]; then
  (cd WebResources && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run -s build)
fi
if [ -f Controls/package.json ]; then
  (cd Controls && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run -s build)
fi
./rapport pack --output "${1:-out}"
