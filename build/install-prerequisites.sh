#!/usr/bin/env bash
# Installs what the build and the tests need beyond the .NET SDK. Idempotent; safe on a warm machine.
#  - NuGet packages (restore), npm packages for the web resources (npm ci),
#  - Debian's chromium for the real-browser tests (no browser download: Playwright drives the system binary).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net); install it and run again." >&2; exit 1; }

if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing Debian chromium for the browser tests"
  apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || echo "chromium could not be installed: browser tests will be skipped" >&2
fi

echo "== dotnet restore"
dotnet restore Extension.sln --nologo -v minimal

echo "== dotnet tool restore (PowerShell 7.6.9 for Deploy.ps1) and Pester"
dotnet tool restore
dotnet restore Tests/Deploy/pester.csproj --nologo -v minimal

if [ -f WebResources/package-lock.json ]; then
  command -v npm >/dev/null || { echo "Node.js 20 and npm are required for the web resources; install them and run again." >&2; exit 1; }
  echo "== npm ci (WebResources)"
  (cd WebResources && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ -f Controls/package-lock.json ]; then
  echo "== npm ci (Controls: the code components)"
  (cd Controls && npm ci --no-audit --no-fund --loglevel=error)
fi
