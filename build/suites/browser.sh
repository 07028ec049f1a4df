#!/usr/bin/env bash
# Real-browser suite (issue 11): Debian's chromium driven by playwright-core against `rapport local` with the nonprofit
# sample and the packed Rapport solution imported over the Web API. Needs the CLI, the net462 assemblies and the web
# resources built (build/test.sh builds them first); builds the code components (Controls/) when they are not.
# Screenshots: WebResources/artifacts/e2e/.
# Last line: "N passed, N failed, N skipped". No chromium binary: every test counts as skipped.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root" || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
read -ra cli <<<"${RAPPORT_CLI:-$root/rapport}"
chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
tests=(WebResources/e2e/*.test.mjs)

if [ ! -x "$chromium_bin" ]; then
  n=$(cat "${tests[@]}" | grep -cE '^\s*it\(')
  echo "-- browser: skipped (no chromium at $chromium_bin; set CHROMIUM_PATH or apt-get install chromium)"
  echo "0 passed, 0 failed, $n skipped"
  exit 0
fi

fail() { echo "[browser] $*" >&2; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
[ -d WebResources/node_modules/playwright-core ] || fail "WebResources/node_modules is missing: run npm ci in WebResources"
[ -f WebResources/dist/rapport_/feed/feed.html ] || fail "the web resources are not built: cd WebResources && npm run build"
# The form host's code components (and axe-core, which the accessibility test loads from Controls/node_modules).
if [ ! -f Controls/node_modules/.package-lock.json ] || [ Controls/package-lock.json -nt Controls/node_modules/.package-lock.json ]; then
  (cd Controls && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in Controls failed"
fi
[ -f Controls/out/controls/Feed/bundle.js ] || (cd Controls && npm run -s build) || fail "the code components did not build: cd Controls && npm run build"

tmp="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server" 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

start=$(date +%s)
echo "-- pack ($tmp/pack)"
"${cli[@]}" pack --output "$tmp/pack" >"$tmp/pack.log" 2>&1 || { cat "$tmp/pack.log" >&2; fail "rapport pack failed"; }

token="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
echo "-- rapport local --sample nonprofit"
"${cli[@]}" local --port 0 --token "$token" --data "$tmp/data" --sample nonprofit >"$tmp/server.log" 2>&1 &
server=$!
url=""
for _ in $(seq 120); do
  url="$(sed -n 's/^Listening on \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$tmp/server.log" | head -1)"
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.5
done
[ -n "$url" ] || { cat "$tmp/server.log" >&2; fail "the local environment did not print its Listening line within 60 s"; }
echo "   $url"

echo "-- import Rapport_managed.zip"
node -e '
const fs = require("fs");
const [url, token, zip] = process.argv.slice(1);
fetch(url + "/api/data/v9.2/ImportSolution", {
  method: "POST",
  headers: { Authorization: "Bearer " + token, "Content-Type": "application/json" },
  body: JSON.stringify({ CustomizationFile: fs.readFileSync(zip).toString("base64"), OverwriteUnmanagedCustomizations: true, PublishWorkflows: true }),
  signal: AbortSignal.timeout(120000),
}).then(async (r) => { if (r.status !== 204) { console.error(r.status, await r.text()); process.exit(1); } }, (e) => { console.error(e.message); process.exit(1); });
' "$url" "$token" "$tmp/pack/Rapport_managed.zip" || { cat "$tmp/server.log" >&2; fail "ImportSolution failed"; }

echo "-- node --test ${tests[*]} ($chromium_bin)"
tap="$tmp/tap"
(cd WebResources && RAPPORT_URL="$url" RAPPORT_TOKEN="$token" CHROMIUM_PATH="$chromium_bin" \
  timeout 480 node --test --test-concurrency=1 --test-reporter=tap "${tests[@]#WebResources/}") | tee "$tap"
if grep -q "Sample feed data not loaded" "$tmp/server.log"; then grep "Sample feed" "$tmp/server.log" >&2; fi
p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -1)
f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -1)
c=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$tap" | tail -1)
s=$(sed -n 's/^# skipped \([0-9]*\)$/\1/p' "$tap" | tail -1)
echo "-- browser suite took $(( $(date +%s) - start )) s; screenshots in WebResources/artifacts/e2e/"
if [ -z "$p" ]; then
  echo "[browser] node --test printed no counts" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
failed=$(( ${f:-0} + ${c:-0} ))
echo "$p passed, $failed failed, ${s:-0} skipped"
[ "$failed" -eq 0 ]
