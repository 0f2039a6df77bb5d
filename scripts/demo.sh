#!/usr/bin/env bash
# The main job: a real n8n with this package installed as users install it and the templates in
# workflows/ imported, beside the sample asset API and the reference OCPI CPMS.
# Prints the URLs and a login; Ctrl-C stops everything it started.
# `--queue`: n8n's queue mode instead of one process on SQLite (main, webhook processor, 2 workers, Postgres, Redis).
set -euo pipefail
cd "$(dirname "$0")/.."
project="$(pwd)"
queue=false
[[ "${1:-}" != --queue ]] || queue=true
port="${DEMO_PORT:-5678}"
asset_port="${DEMO_ASSET_API_PORT:-8271}"
cpms_port="${DEMO_CPMS_PORT:-8270}"
cpms_token="demo-cpms-token"
asset_key="sample-asset-key"
webhook_secret="demo-webhook-secret"
email="demo@example.com"
password="Demo-ocpi-2026"

step() { printf '\n==> %s\n' "$*"; }

# npm ci only when the lock file changed since the last install: a re-run of the demo starts fast.
if ! cmp -s package-lock.json node_modules/.demo-lock 2>/dev/null; then
	step "Installing dev dependencies (npm ci)"
	npm ci --no-audit --no-fund
	cp package-lock.json node_modules/.demo-lock
fi
step "The reference CPMS's SQLite binding (compiled once per install)"
bash scripts/sqlite/install.sh

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
webhook_base="http://127.0.0.1:$port"

pids=()
stop() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
	! $queue || queue_demo_stop
}
trap stop EXIT INT TERM

if $queue; then
	step "Queue mode: installing the package for the webhook processor and 2 workers, starting Postgres and Redis"
	source scripts/queue/demo.sh
	queue_demo_prepare "$project/.demo" "$port"
	webhook_base="${WEBHOOK_URL%/}"
fi

step "Starting the sample asset API and the reference CPMS"
rm -rf "$project/.demo/asset-api" "$project/.demo/cpms"
node -r ts-node/register/transpile-only servers/sample-asset-api/main.ts --port "$asset_port" \
	--data "$project/.demo/asset-api/assets.json" >"$project/.demo/asset-api.log" 2>&1 &
pids+=($!)
node -r ts-node/register/transpile-only servers/reference-cpms/main.ts --port "$cpms_port" \
	--data "$project/.demo/cpms/cpms.sqlite" --token "$cpms_token" --token-encoding either >"$project/.demo/cpms.log" 2>&1 &
pids+=($!)

step "Importing credentials that point at the sample asset API and the reference CPMS"
rm -rf "$project/.demo/import"
mkdir -p "$project/.demo/import" "$user_folder/n8n-files"
cat >"$project/.demo/import/credentials.json" <<JSON
[
  {"id": "sampleAssetApi01", "name": "Sample asset API", "type": "assetSourceApi",
   "data": {"baseUrl": "http://127.0.0.1:$asset_port", "authentication": "headerKey", "headerName": "X-API-Key", "apiKey": "$asset_key", "testPath": "/api/chargers?per_page=1"}},
  {"id": "referenceCpms001", "name": "Reference CPMS", "type": "ocpiCpmsApi",
   "data": {"versionsUrl": "http://127.0.0.1:$cpms_port/ocpi/versions", "token": "$cpms_token", "headerEncoding": "base64", "countryCode": "DE", "partyId": "AMP"}},
  {"id": "assetWebhook0001", "name": "Asset webhook secret", "type": "assetSourceWebhookApi", "data": {"secret": "$webhook_secret"}}
]
JSON
"$n8n" import:credentials --input="$project/.demo/import/credentials.json" >/dev/null 2>&1 || { echo "could not import the credentials" >&2; exit 1; }
rm -f "$project/.demo/import/credentials.json"

# Waits until n8n's REST routes answer (readiness answers before them).
wait_for_n8n() {
	for _ in $(seq 1 120); do
		if curl -fs "http://127.0.0.1:$port/rest/settings" 2>/dev/null | grep -q '"data"'; then return 0; fi
		kill -0 "$1" 2>/dev/null || { echo "n8n stopped; see $2" >&2; exit 1; }
		sleep 1
	done
}

step "Creating the owner account and the sync ledger (an n8n Data table: n8n creates both only over REST)"
"$n8n" start >"$project/.demo/n8n-setup.log" 2>&1 &
setup_pid=$!
pids+=("$setup_pid")
wait_for_n8n "$setup_pid" .demo/n8n-setup.log
jar="$project/.demo/cookies"
rm -f "$jar"
rest() { curl -fs -b "$jar" -c "$jar" -H 'browser-id: ocpi-demo' -H 'Content-Type: application/json' "$@"; }
data_id() { node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).data.id)'; }
rest -X POST "http://127.0.0.1:$port/rest/owner/setup" \
	-d "{\"email\":\"$email\",\"firstName\":\"Demo\",\"lastName\":\"Operator\",\"password\":\"$password\"}" >/dev/null
project_id="$(rest "http://127.0.0.1:$port/rest/projects/personal" | data_id)"
columns='{"name":"location_id","type":"string"},{"name":"fingerprint","type":"string"},{"name":"state","type":"string"},{"name":"reason","type":"string"},{"name":"last_pushed","type":"string"},{"name":"last_verified","type":"string"}'
ledger_table="$(rest -X POST "http://127.0.0.1:$port/rest/projects/$project_id/data-tables" -d "{\"name\":\"OCPI sync ledger\",\"columns\":[$columns]}" | data_id)"
rm -f "$jar"
kill "$setup_pid"
wait "$setup_pid" 2>/dev/null || true
echo "  owner $email, Data table 'OCPI sync ledger' ($ledger_table)"

step "Importing the workflow templates"
# The file import reads from n8n's allowed folder, as n8n 2.x does by default.
cp workflows/sample-asset-export.csv "$user_folder/n8n-files/asset-export.csv"
export N8N_RESTRICT_FILE_ACCESS_TO="$user_folder/n8n-files"
mkdir -p "$project/.demo/import/workflows"
for workflow in workflows/*.json; do
	sed -e "s#http://127.0.0.1:8271#http://127.0.0.1:$asset_port#g" \
		-e "s#/home/node/.n8n-files/asset-export.csv#$user_folder/n8n-files/asset-export.csv#g" "$workflow" >"$project/.demo/import/workflows/$(basename "$workflow")"
	echo "  $workflow"
done
# The templates ship with no Data table chosen: the ledger nodes get the one made above.
LEDGER_TABLE="$ledger_table" node -e '
	const fs = require("fs");
	for (const file of process.argv.slice(1)) {
		const workflow = JSON.parse(fs.readFileSync(file, "utf8"));
		const ledgers = workflow.nodes.filter((node) => node.type === "n8n-nodes-base.dataTable");
		for (const node of ledgers) node.parameters.dataTableId = { __rl: true, mode: "id", value: process.env.LEDGER_TABLE };
		if (ledgers.length) fs.writeFileSync(file, JSON.stringify(workflow));
	}' "$project"/.demo/import/workflows/*.json
# One n8n process for all files: every CLI start costs several seconds.
"$n8n" import:workflow --separate --input="$project/.demo/import/workflows" >/dev/null 2>&1 || { echo "could not import the templates" >&2; exit 1; }
for id in ocpiFullSync0001 ocpiRealtime0001; do
	"$n8n" update:workflow --id="$id" --active=true >/dev/null 2>&1 || { echo "could not activate $id" >&2; exit 1; }
done
echo "  activated the full scheduled sync and the real-time sync"

step "Starting n8n on http://127.0.0.1:$port"
"$n8n" start >"$project/.demo/n8n.log" 2>&1 &
n8n_pid=$!
pids+=("$n8n_pid")

wait_for_n8n "$n8n_pid" .demo/n8n.log
if $queue; then queue_demo_start_helpers "$n8n"; fi


# The asset system calls the real-time sync on every change, signed with the shared secret.
curl -fs -X POST "http://127.0.0.1:$asset_port/api/webhooks" -H "X-API-Key: $asset_key" -H 'Content-Type: application/json' \
	-d "{\"url\":\"$webhook_base/webhook/ocpi-asset-events\",\"secret\":\"$webhook_secret\"}" >/dev/null

cat <<INFO

  n8n editor:   http://127.0.0.1:$port
  login:        $email / $password
  active:       "OCPI: full scheduled sync" (ran once at start, then every 5 minutes) and
                "OCPI: real-time sync" (the asset API calls it on every change)
  CPMS page:    http://127.0.0.1:$cpms_port/      (what the CPMS holds now; the first sync lands within a minute)
  asset API:    http://127.0.0.1:$asset_port/api/chargers   (header X-API-Key: $asset_key)
  logs:         .demo/n8n.log, .demo/asset-api.log, .demo/cpms.log$($queue && printf '\n  queue mode:   webhooks → %s (.demo/n8n-webhook.log), workers: .demo/n8n-worker1.log, .demo/n8n-worker2.log' "$webhook_base")

  Try it: put a charger out of order in the asset system and watch its EVSE change on the CPMS page:
    curl -X PATCH -H 'X-API-Key: $asset_key' -H 'Content-Type: application/json' \\
         -d '{"state":"faulty"}' http://127.0.0.1:$asset_port/api/chargers/BER-0001-DC1

  Press Ctrl-C to stop.
INFO
wait "$n8n_pid"
