#!/usr/bin/env bash
# Code components suite (Controls/): npm ci (when needed), typecheck, build, bundle budget (60 KB gzip per component,
# React and Fluent not bundled), vitest. Last line: "N passed, N failed, N skipped".
# A failing npm ci / typecheck / build / budget step counts as 1 failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root/Controls" || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
passed=0; failed=0; skipped=0

step() { # step <name> <command...>
  local name="$1"; shift
  echo "-- $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    echo "[controls] $name failed" >&2
    failed=$((failed + 1))
    return 1
  fi
}

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "-- npm ci"
  npm ci --no-audit --no-fund --loglevel=error || { echo "[controls] npm ci failed" >&2; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
fi

step typecheck npm run -s typecheck
if step build npm run -s build; then
  step "bundle budget" npm run -s size
fi

echo "-- vitest"
rm -f vitest-results.json
npx vitest run --reporter=default --reporter=json --outputFile=vitest-results.json
if [ -f vitest-results.json ]; then
  read -r p f s < <(node -e 'const r=require("./vitest-results.json");console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + (r.numTodoTests||0))')
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
else
  echo "[controls] vitest wrote no results" >&2
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
