#!/usr/bin/env bash
# Runs every test suite the repo has and ends with one plain line: "N passed, N failed, N skipped".
# Usage: ./build/test.sh            (builds Extension.sln in Release first)
# Suites: NUnit (all Tests/*.Tests projects); further suites register themselves in build/suites/*.sh.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
config="${CONFIGURATION:-Release}"
summary="$(mktemp)"
failed=0

# Records one suite's "N passed, N failed, N skipped" line; a suite that prints none counts as failed.
record() {
  local name="$1" line="$2" rc="$3"
  if [ -z "$line" ]; then
    echo "[$name] printed no summary line" >&2
    failed=1
    return
  fi
  echo "$line" >> "$summary"
  [ "$rc" -eq 0 ] || failed=1
}

# NUnit through dotnet test: TRX files are summed, because dotnet test prints no plain closing line.
run_nunit() {
  local results="$root/TestResults"
  rm -rf "$results"
  if [ -f WebResources/package.json ]; then
    # The packer and the local environment serve the built web resources: build them first.
    echo "== build (web resources)"
    (cd WebResources && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run -s build) || failed=1
  fi
  if [ -f Controls/package.json ]; then
    # The packer, the local form host and the browser suite use the built code components (Controls/out/controls).
    echo "== build (code components)"
    (cd Controls && { [ -f node_modules/.package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run -s build) || failed=1
  fi
  echo "== build (Extension.sln, $config)"
  if ! dotnet build Extension.sln -c "$config" --nologo -v minimal -tl:off; then
    echo "build failed" >&2
    record nunit "0 passed, 1 failed, 0 skipped" 1
    return
  fi
  echo "== NUnit"
  dotnet test Extension.sln -c "$config" --no-build --nologo --logger trx --results-directory "$results" -- NUnit.NumberOfTestWorkers=2
  local rc=$? p=0 f=0 s=0 n=0
  for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    local c; c=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    get() { echo "$c" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    local total exe pa fa
    total=$(get total); exe=$(get executed); pa=$(get passed)
    fa=$(( $(get failed) + $(get error) + $(get timeout) + $(get aborted) ))
    p=$((p + pa)); f=$((f + fa)); s=$((s + total - exe)); n=$((n + 1))
  done
  if [ "$n" -eq 0 ]; then echo "no TRX file written: no NUnit test ran" >&2; [ "$rc" -eq 0 ] && rc=1; fi
  echo "NUnit: $p passed, $f failed, $s skipped"
  record nunit "$p passed, $f failed, $s skipped" "$rc"
}

run_nunit
# Further suites (vitest, Pester, browser): each script prints its own "N passed, N failed, N skipped" as its last line.
for suite in "$root"/build/suites/*.sh; do
  [ -e "$suite" ] || continue
  name="$(basename "$suite" .sh)"
  echo "== $name"
  out="$(mktemp)"
  bash "$suite" 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  record "$name" "$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -1)" "$rc"
done

# Name the failed NUnit tests last, just above the closing line, so a log cut to its tail still says what failed.
for trx in "$root"/TestResults/*.trx; do
  [ -e "$trx" ] || continue
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.*testName="\([^"]*\)".*/failed: \1/p'
done
awk -F'[ ,]+' '{p+=$1; f+=$3; s+=$5} END {printf "%d passed, %d failed, %d skipped\n", p, f, s}' "$summary"
rm -f "$summary"
exit "$failed"
