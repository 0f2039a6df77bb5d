#!/usr/bin/env bash
# Environment for a quiet, offline n8n bound to 127.0.0.1 (see ../shared/n8n/NOTES.md).
# Usage: source scripts/n8n/env.sh <userFolder> <port>
n8n_offline_env() {
	export N8N_USER_FOLDER="$1" N8N_PORT="$2" N8N_RUNNERS_BROKER_PORT="$(($2 + 1))"
	export N8N_LISTEN_ADDRESS=127.0.0.1 N8N_HOST=127.0.0.1 DB_TYPE=sqlite
	export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_TEMPLATES_ENABLED=false
	export N8N_PERSONALIZATION_ENABLED=false N8N_HIRING_BANNER_ENABLED=false N8N_DYNAMIC_BANNERS_ENABLED=false
	export N8N_SECURE_COOKIE=false N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false
	# n8n 1.x's isolated-vm expression engine needs Node >= 22.
	export N8N_EXPRESSION_ENGINE=legacy
}
