#!/usr/bin/env bash
# The main job: a real n8n with this package installed as users install it and the templates in
# workflows/ imported, beside the sample asset API and the reference OCPI CPMS.
# Prints the URLs and a login; Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
project="$(pwd)"
port="${DEMO_PORT:-5678}"
asset_port="${DEMO_ASSET_API_PORT:-8271}"
cpms_port="${DEMO_CPMS_PORT:-8270}"
cpms_token="demo-cpms-token"
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

pids=()
stop() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT INT TERM

step "Starting the sample asset API and the reference CPMS"
rm -rf "$project/.demo/asset-api" "$project/.demo/cpms"
node -r ts-node/register/transpile-only servers/sample-asset-api/main.ts --port "$asset_port" \
	--data "$project/.demo/asset-api/assets.json" >"$project/.demo/asset-api.log" 2>&1 &
pids+=($!)
node -r ts-node/register/transpile-only servers/reference-cpms/main.ts --port "$cpms_port" \
	--data "$project/.demo/cpms/cpms.json" --token "$cpms_token" --token-encoding either >"$project/.demo/cpms.log" 2>&1 &
pids+=($!)

step "Importing the workflow templates"
for workflow in workflows/*.json; do
	"$n8n" import:workflow --input="$workflow" >/dev/null 2>&1 || { echo "could not import $workflow" >&2; exit 1; }
	echo "  imported $workflow"
done

step "Starting n8n on http://127.0.0.1:$port"
"$n8n" start >"$project/.demo/n8n.log" 2>&1 &
n8n_pid=$!
pids+=("$n8n_pid")

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
  workflows:   $(ls workflows/*.json | wc -l) templates imported (open one and click Execute workflow)
  logs:        .demo/n8n.log, .demo/asset-api.log, .demo/cpms.log

  sample asset API:  http://127.0.0.1:$asset_port/api/chargers   (header X-API-Key: sample-asset-key)
  reference CPMS:    http://127.0.0.1:$cpms_port/               (versions URL http://127.0.0.1:$cpms_port/ocpi/versions, token $cpms_token)

  Press Ctrl-C to stop.
INFO
wait "$n8n_pid"
