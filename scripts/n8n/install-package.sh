#!/usr/bin/env bash
# Installs this package into an n8n user folder the way n8n's community-nodes install does:
# `npm pack` of the built project, then the tarball into <userFolder>/.n8n/nodes, so node types are
# `n8n-nodes-ocpi-asset-connector.<node>` and only n8n's own copies of n8n-workflow, zod, lodash are used.
# Usage: scripts/n8n/install-package.sh <n8nUserFolder>   (run `npm run build` first)
set -euo pipefail

user_folder="${1:?usage: install-package.sh <n8nUserFolder>}"
project="$(cd "$(dirname "$0")/../.." && pwd)"
test -d "$project/dist" || { echo "dist/ is missing: run npm run build first" >&2; exit 1; }

pack_dir="$(mktemp -d)"
trap 'rm -rf "$pack_dir"' EXIT
# --ignore-scripts: prepublishOnly would rebuild and lint; the caller built already.
tarball="$(cd "$project" && npm pack --silent --ignore-scripts --pack-destination "$pack_dir" | tail -n 1)"

nodes_dir="$user_folder/.n8n/nodes"
mkdir -p "$nodes_dir"
test -f "$nodes_dir/package.json" || printf '{"private":true}\n' > "$nodes_dir/package.json"
# Keep the tarball beside the install: package.json records it, and a later npm install there
# (n8n installing another community package) must still find it.
mkdir -p "$nodes_dir/tarballs"
mv "$pack_dir/$tarball" "$nodes_dir/tarballs/$tarball"
cd "$nodes_dir"
# --prefer-offline: the tarball has no dependencies; skipping registry revalidation saves ~5 s.
npm install --omit=dev --omit=peer --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error "./tarballs/$tarball" >&2
echo "$nodes_dir/node_modules/n8n-nodes-ocpi-asset-connector"
