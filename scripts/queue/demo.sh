# Sourced by scripts/demo.sh for `npm run demo -- --queue`: the same demo on n8n's queue mode. Main (editor,
# polls, schedules) keeps the demo's user folder and port; a webhook processor on port+2 answers the asset
# system's webhooks; two workers run every execution. Each has its own user folder with the package installed, as
# on separate machines; they share a private Postgres and Redis in .demo/ (scripts/queue/postgres.sh, redis.sh).

# Installs the package for the webhook processor and the workers, starts Postgres and Redis, and exports the
# shared queue settings. Usage: queue_demo_prepare <demo-dir> <main-port>
queue_demo_prepare() {
	local demo="$1" port="$2"
	queue_demo_dir="$demo"
	queue_webhook_port=$((port + 2))
	queue_worker_ports=($((port + 3)) $((port + 4)))
	for role in webhook worker1 worker2; do
		rm -rf "$demo/n8n-$role"
		mkdir -p "$demo/n8n-$role"
		bash scripts/n8n/install-package.sh "$demo/n8n-$role" >/dev/null
	done
	local pg_port="${DEMO_POSTGRES_PORT:-8272}" redis_port="${DEMO_REDIS_PORT:-8273}"
	rm -rf "$demo/postgres" "$demo/redis"
	echo "  Postgres on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port (installed with apt-get when missing)"
	bash scripts/queue/postgres.sh start "$demo/postgres" "$pg_port" $$
	bash scripts/queue/redis.sh start "$demo/redis" "$redis_port" $$
	set -a
	source <(bash scripts/queue/env.sh "$pg_port" "$redis_port" "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')")
	WEBHOOK_URL="http://127.0.0.1:$queue_webhook_port/"
	set +a
}

# Starts the webhook processor and the workers (after main: main migrates the database) and waits until each is
# ready. Appends their process ids to the demo's `pids`.
queue_demo_start_helpers() {
	local n8n="$1" role ready=()
	N8N_USER_FOLDER="$queue_demo_dir/n8n-webhook" N8N_PORT="$queue_webhook_port" N8N_RUNNERS_BROKER_PORT=$((queue_webhook_port + 10)) \
		"$n8n" webhook >"$queue_demo_dir/n8n-webhook.log" 2>&1 &
	pids+=($!)
	ready+=("http://127.0.0.1:$queue_webhook_port/healthz/readiness")
	for i in 0 1; do
		role="worker$((i + 1))"
		N8N_USER_FOLDER="$queue_demo_dir/n8n-$role" QUEUE_HEALTH_CHECK_PORT="${queue_worker_ports[$i]}" \
			N8N_RUNNERS_BROKER_PORT=$((queue_worker_ports[i] + 10)) "$n8n" worker --concurrency=5 >"$queue_demo_dir/n8n-$role.log" 2>&1 &
		pids+=($!)
		ready+=("http://127.0.0.1:${queue_worker_ports[$i]}/healthz/readiness")
	done
	for url in "${ready[@]}"; do
		for _ in $(seq 1 120); do
			curl -fs "$url" >/dev/null 2>&1 && break
			sleep 1
		done
		curl -fs "$url" >/dev/null 2>&1 || { echo "an n8n process did not get ready ($url); see $queue_demo_dir/n8n-*.log" >&2; exit 1; }
	done
	echo "  webhook processor on http://127.0.0.1:$queue_webhook_port, workers ready (health on ports ${queue_worker_ports[*]})"
}

queue_demo_stop() {
	bash scripts/queue/redis.sh stop "$queue_demo_dir/redis" || true
	bash scripts/queue/postgres.sh stop "$queue_demo_dir/postgres" || true
}
