#!/usr/bin/env bash
# Prints, one KEY=value a line, the environment every process of a queue-mode n8n shares (main, webhook
# processor, workers, and CLI commands): the Postgres of postgres.sh, the Redis of redis.sh, one encryption key.
# Per-process settings (user folder, ports, WEBHOOK_URL) are the caller's. The e2e tests read these lines too.
# Usage: set -a; source <(bash scripts/queue/env.sh <postgres-port> <redis-port> <encryption-key>); set +a
set -euo pipefail
pg_port="${1:?usage: env.sh <postgres-port> <redis-port> <encryption-key>}"
redis_port="${2:?redis port missing}"
key="${3:?encryption key missing}"
# QUEUE_BULL_REDIS_TIMEOUT_THRESHOLD: n8n exits when Redis stays unreachable longer than this (default 10 s); a
# minute rides out a Redis restart. N8N_DISABLE_PRODUCTION_MAIN_PROCESS: production webhooks are the webhook
# processor's job, main only polls, schedules and serves the editor.
cat <<ENV
EXECUTIONS_MODE=queue
DB_TYPE=postgresdb
DB_POSTGRESDB_HOST=127.0.0.1
DB_POSTGRESDB_PORT=$pg_port
DB_POSTGRESDB_DATABASE=n8n
DB_POSTGRESDB_USER=n8n
DB_POSTGRESDB_PASSWORD=${N8N_QUEUE_DB_PASSWORD:-n8n}
QUEUE_BULL_REDIS_HOST=127.0.0.1
QUEUE_BULL_REDIS_PORT=$redis_port
QUEUE_BULL_REDIS_TIMEOUT_THRESHOLD=60000
N8N_ENCRYPTION_KEY=$key
OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true
N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true
QUEUE_HEALTH_CHECK_ACTIVE=true
N8N_WORKER_SERVER_ADDRESS=127.0.0.1
ENV
