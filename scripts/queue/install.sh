#!/usr/bin/env bash
# Installs Debian's PostgreSQL and Redis for n8n's queue mode when missing (apt-get, as scripts/browser/install.sh
# installs Chromium), and prints two lines: the folder of Postgres's server programs (initdb, pg_ctl) and the
# redis-server path. Fast and silent when both are there. The packages' own system services are never used:
# scripts/queue/postgres.sh and redis.sh run private servers in folders of their own.
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
redis_bin() { command -v redis-server || true; }

missing=()
[[ -x "$(pg_bin)/initdb" ]] || missing+=(postgresql)
[[ -n "$(redis_bin)" ]] || missing+=(redis-server)
if ((${#missing[@]})); then
	# Two test files may start their stacks at once on a fresh machine: one apt-get at a time.
	exec 9>"${TMPDIR:-/tmp}/ocpi-queue-apt.lock"
	flock 9
	sudo=()
	[[ "$(id -u)" -eq 0 ]] || sudo=(sudo -n)
	echo "Installing ${missing[*]} with apt-get (once per machine)" >&2
	"${sudo[@]}" apt-get update -qq >&2
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >&2
fi
[[ -x "$(pg_bin)/initdb" ]] || { echo "PostgreSQL's initdb is still missing after apt-get install" >&2; exit 1; }
[[ -n "$(redis_bin)" ]] || { echo "redis-server is still not on PATH after apt-get install" >&2; exit 1; }
pg_bin
redis_bin
