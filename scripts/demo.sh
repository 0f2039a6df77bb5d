#!/usr/bin/env bash
# The main job: a real n8n with this package installed as users install it, and the templates in
# workflows/ imported. Prints the editor URL and a login; Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
project="$(pwd)"
port="${DEMO_PORT:-5678}"
email="demo@example.com"
password="Demo-ocpi-2026"

step() { printf '\n==> %s\n' "$*"; }

# npm ci only when the lock file changed since the last install: a re-run of the demo starts fast.
if ! cmp -s package-lock.json node_modules/.demo-lock 2>/dev/null; then
	step "Installing dev dependencies (npm ci)"
	npm ci --no-audit --no-fund
	cp package-lock.json node_modules/.demo-lock
fi

step "Building the package"
npm run build

step "Installing n8n (cached after the first run)"
n8n_dir="$(bash scripts/n8n/install.sh)"
n8n="$n8n_dir/node_modules/.bin/n8n"

step "Installing the package into a fresh n8n user folder"
user_folder="$project/.demo/n8n"
rm -rf "$user_folder"
mkdir -p "$user_folder"
bash scripts/n8n/install-package.sh "$user_folder" >/dev/null

source scripts/n8n/env.sh
n8n_offline_env "$user_folder" "$port"

step "Importing the workflow templates"
for workflow in workflows/*.json; do
	"$n8n" import:workflow --input="$workflow" >/dev/null 2>&1 || { echo "could not import $workflow" >&2; exit 1; }
	echo "  imported $workflow"
done

step "Starting n8n on http://127.0.0.1:$port"
"$n8n" start >"$project/.demo/n8n.log" 2>&1 &
n8n_pid=$!
stop() {
	kill "$n8n_pid" 2>/dev/null || true
	wait "$n8n_pid" 2>/dev/null || true
}
trap stop EXIT INT TERM

for _ in $(seq 1 120); do
	if curl -fs "http://127.0.0.1:$port/rest/settings" 2>/dev/null | grep -q '"data"'; then break; fi
	kill -0 "$n8n_pid" 2>/dev/null || { echo "n8n stopped; see .demo/n8n.log" >&2; exit 1; }
	sleep 1
done

curl -fs -X POST "http://127.0.0.1:$port/rest/owner/setup" -H 'Content-Type: application/json' \
	-d "{\"email\":\"$email\",\"firstName\":\"Demo\",\"lastName\":\"Operator\",\"password\":\"$password\"}" >/dev/null

cat <<INFO

  n8n editor:  http://127.0.0.1:$port
  login:       $email / $password
  workflows:   $(ls workflows/*.json | wc -l) templates imported (open "OCPI: validate Locations (sample)" and click Test workflow)
  log:         .demo/n8n.log

  Press Ctrl-C to stop.
INFO
wait "$n8n_pid"
