#!/usr/bin/env bash
# A private PostgreSQL for n8n's queue mode: a cluster of its own in <dir>, listening on 127.0.0.1:<port> only,
# with a database `n8n` owned by user `n8n` (password $N8N_QUEUE_DB_PASSWORD, default "n8n"). No system service.
# Postgres refuses to run as root: as root the cluster belongs to, and runs as, the `postgres` user the Debian
# package creates (runuser), so <dir> must lie where that user can reach (not below a 0700 folder of root's).
# Usage: scripts/queue/postgres.sh start <dir> <port> [owner-pid]   (stops by itself once owner-pid has gone)
#        scripts/queue/postgres.sh stop <dir>
set -euo pipefail
script_dir="$(cd "$(dirname "$0")" && pwd)"
source "$script_dir/common.sh"

action="${1:?usage: postgres.sh start <dir> <port> [owner-pid] | stop <dir>}"
dir="${2:?data folder missing}"
pg_bin="$(bash "$script_dir/install.sh" | sed -n 1p)"
as_owner=()
[[ "$(id -u)" -ne 0 ]] || as_owner=(runuser -u postgres --)

case "$action" in
start)
	port="${3:?port missing}"
	owner="${4:-}"
	password="${N8N_QUEUE_DB_PASSWORD:-n8n}"
	mkdir -p "$dir"
	dir="$(cd "$dir" && pwd)"
	[[ "$(id -u)" -ne 0 ]] || chown postgres: "$dir"
	chmod 700 "$dir"
	if [[ ! -f "$dir/PG_VERSION" ]]; then
		pwfile="$(mktemp)"
		trap 'rm -f "$pwfile"' EXIT
		printf '%s\n' "$password" >"$pwfile"
		chmod 644 "$pwfile"
		"${as_owner[@]}" "$pg_bin/initdb" -D "$dir" -U n8n --pwfile="$pwfile" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 ||
			{ cat "$dir.initdb.log" >&2; exit 1; }
		rm -f "$dir.initdb.log"
		fresh=1
	fi
	# The socket stays in the cluster's folder: /var/run/postgresql may not exist or belong to a system cluster.
	"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c max_connections=100" start >/dev/null ||
		{ tail -n 30 "$dir/server.log" >&2; exit 1; }
	if [[ -n "${fresh:-}" ]]; then
		PGPASSWORD="$password" "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U n8n -d postgres -v ON_ERROR_STOP=1 -qc 'CREATE DATABASE n8n' >/dev/null
	fi
	stop_when_gone "$owner" bash "$script_dir/postgres.sh" stop "$dir"
	;;
stop)
	[[ -f "$dir/postmaster.pid" ]] || exit 0
	"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null
	;;
*)
	echo "usage: postgres.sh start <dir> <port> [owner-pid] | stop <dir>" >&2
	exit 2
	;;
esac
