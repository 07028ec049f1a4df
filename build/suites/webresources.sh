#!/usr/bin/env bash
# Web resources suite: npm ci (when needed), typecheck, build, lint, size, vitest, and the headless
# Chromium harness test when a chromium binary exists. Last line: "N passed, N failed, N skipped".
# A failing typecheck / build / lint / size step counts as 1 failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root/WebResources" || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
passed=0; failed=0; skipped=0

step() { # step <name> <command...>
  local name="$1"; shift
  echo "-- $name"
  if ! "$@"; then
    echo "[webresources] $name failed" >&2
    failed=$((failed + 1))
    return 1
  fi
}

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci" npm ci --no-audit --no-fund --loglevel=error || { echo "$passed passed, $failed failed, $skipped skipped"; exit 1; }
fi

step typecheck npm run -s typecheck
if step build npm run -s build; then
  step lint npm run -s lint
  step size npm run -s size
fi

echo "-- vitest"
rm -f vitest-results.json
npm run -s test
if [ -f vitest-results.json ]; then
  line="$(node vitest-summary.mjs vitest-results.json)"
  read -r p _ f _ s _ <<<"${line//,/}"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
else
  echo "[webresources] vitest wrote no results" >&2
  failed=$((failed + 1))
fi

chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_bin" ] && [ -f dist/harness/feed.html ]; then
  echo "-- browser (node --test, $chromium_bin)"
  tap="$(mktemp)"
  CHROMIUM_PATH="$chromium_bin" node --test --test-reporter=tap harness/feed.browser.test.mjs | tee "$tap"
  bp=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -1)
  bf=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -1)
  bc=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$tap" | tail -1)
  bs=$(sed -n 's/^# skipped \([0-9]*\)$/\1/p' "$tap" | tail -1)
  if [ -z "$bp" ]; then
    echo "[webresources] browser test printed no counts" >&2
    failed=$((failed + 1))
  else
    passed=$((passed + bp)); failed=$((failed + ${bf:-0} + ${bc:-0})); skipped=$((skipped + ${bs:-0}))
  fi
  rm -f "$tap"
else
  echo "-- browser: skipped (no chromium at $chromium_bin; set CHROMIUM_PATH or apt-get install chromium)"
  skipped=$((skipped + 1))
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
