#!/usr/bin/env bash
# Installs what the build and the tests need beyond the .NET SDK. Idempotent; safe on a warm machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet --version >/dev/null || { echo "The .NET SDK 10 is required: https://dot.net" >&2; exit 1; }
dotnet restore Extension.sln --nologo -v minimal
