#!/usr/bin/env bash
# A private Redis for n8n's queue mode: data, log and pid file in <dir>, listening on 127.0.0.1:<port> only. No
# system service. Append-only file on: a Redis restart keeps the queued jobs, as operators run it.
# Usage: scripts/queue/redis.sh start <dir> <port> [owner-pid]   (stops by itself once owner-pid has gone)
#        scripts/queue/redis.sh stop <dir>
set -euo pipefail
script_dir="$(cd "$(dirname "$0")" && pwd)"
source "$script_dir/common.sh"

action="${1:?usage: redis.sh start <dir> <port> [owner-pid] | stop <dir>}"
dir="${2:?data folder missing}"
redis_server="$(bash "$script_dir/install.sh" | tail -n 1)"
redis_cli="$(dirname "$redis_server")/redis-cli"

running() { [[ -f "$dir/redis.pid" ]] && kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null; }

case "$action" in
start)
	port="${3:?port missing}"
	owner="${4:-}"
	mkdir -p "$dir"
	dir="$(cd "$dir" && pwd)"
	"$redis_server" --bind 127.0.0.1 --port "$port" --dir "$dir" --daemonize yes --pidfile "$dir/redis.pid" \
		--logfile "$dir/redis.log" --appendonly yes --save '' >/dev/null
	wait_until 30 bash -c '[[ "$("$0" -h 127.0.0.1 -p "$1" ping)" == PONG ]]' "$redis_cli" "$port" ||
		{ tail -n 30 "$dir/redis.log" >&2; exit 1; }
	stop_when_gone "$owner" bash "$script_dir/redis.sh" stop "$dir"
	;;
stop)
	running || exit 0
	pid="$(cat "$dir/redis.pid")"
	kill -TERM "$pid"
	wait_until 30 bash -c '! kill -0 "$0"' "$pid" || { echo "redis $pid did not stop" >&2; exit 1; }
	;;
*)
	echo "usage: redis.sh start <dir> <port> [owner-pid] | stop <dir>" >&2
	exit 2
	;;
esac
