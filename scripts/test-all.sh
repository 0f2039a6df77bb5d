#!/usr/bin/env bash
# Runs every check a fresh clone needs: install, build, lint, type-check, unit + node tests
# (through real n8n-core), then end-to-end tests in a real n8n installed into a cache folder.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Installing dev dependencies (npm ci)"
npm ci --no-audit --no-fund

# Slow installs that need nothing from the build run beside it; their logs are printed if they fail.
mkdir -p test-artifacts
background() {
	local name="$1"; shift
	("$@" >"test-artifacts/$name.log" 2>&1; echo $? >"test-artifacts/$name.status") &
}
await() {
	local name="$1" what="$2"
	wait
	step "$what"
	if [[ "$(cat "test-artifacts/$name.status" 2>/dev/null)" != 0 ]]; then cat "test-artifacts/$name.log"; exit 1; fi
	tail -n 1 "test-artifacts/$name.log"
}
rm -f test-artifacts/*.status
background n8n2-install bash scripts/n8n/install.sh 2.41.1
background chromium-install bash scripts/browser/install.sh
background sqlite-build bash scripts/sqlite/install.sh

step "Building"
npm run build

step "Linting"
npm run lint

step "n8n's community package scanner on the source and the packed tarball"
npm run scan

step "Type-checking sources and tests"
npm run typecheck

step "Installing the real n8n used by end-to-end tests (cached)"
bash scripts/n8n/install.sh

await n8n2-install "n8n 2.41.1 with Node 24 for the 2.x smoke test (installed in the background, cached)"
await chromium-install "Chromium for the browser test (apt-get in the background, only when missing)"
await sqlite-build "better-sqlite3 for the reference CPMS (compiled in the background, only when missing)"
# After Chromium's apt-get: two apt-gets at once would fight over dpkg's lock.
step "PostgreSQL and Redis for the queue-mode tests (apt-get, only when missing)"
bash scripts/queue/install.sh

step "Running all tests"
status=0
# Three workers: end-to-end files mostly wait on n8n, polls and servers, so they overlap well on 2 cores.
npx jest --ci --maxWorkers=3 --json --outputFile=test-artifacts/jest-results.json "$@" || status=$?

# The closing line CI reads: counts taken from Jest's own report.
node -e '
const r = require("./test-artifacts/jest-results.json");
const skipped = r.numPendingTests + (r.numTodoTests || 0);
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
'
exit "$status"
