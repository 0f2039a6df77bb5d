#!/usr/bin/env bash
# Runs every check a fresh clone needs: install, build, lint, type-check, unit + node tests
# (through real n8n-core), then end-to-end tests in a real n8n installed into a cache folder.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Installing dev dependencies (npm ci)"
npm ci --no-audit --no-fund

step "Building"
npm run build

step "Linting"
npm run lint

step "Type-checking sources and tests"
npm run typecheck

step "Installing the real n8n used by end-to-end tests (cached)"
bash scripts/n8n/install.sh

step "Installing n8n 2.41.1 with Node 24 for the 2.x smoke test (cached)"
bash scripts/n8n/install.sh 2.41.1

step "Installing Chromium for the browser test (apt-get, only when missing)"; bash scripts/browser/install.sh

mkdir -p test-artifacts
step "Running all tests"
status=0
npx jest --ci --json --outputFile=test-artifacts/jest-results.json "$@" || status=$?

# The closing line CI reads: counts taken from Jest's own report.
node -e '
const r = require("./test-artifacts/jest-results.json");
const skipped = r.numPendingTests + (r.numTodoTests || 0);
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
'
exit "$status"
