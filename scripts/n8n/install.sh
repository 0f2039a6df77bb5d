#!/usr/bin/env bash
# Installs a real n8n into a cache folder outside the project's node_modules and prints that folder.
# Reused when present; a half-finished install is never taken for a complete one (see cache-install.sh).
# The Node that installs (and later runs) it comes from install-node.sh: the machine's for 1.x, Node 24 for 2.x.
# Usage: scripts/n8n/install.sh [version]   (default 1.123.81)
set -euo pipefail

version="${1:-1.123.81}"
script_dir="$(cd "$(dirname "$0")" && pwd)"
source "$script_dir/cache-install.sh"
target="$cache_root/n8n-$version"

if installed "$target" "$target/node_modules/.bin/n8n"; then
	echo "$target"
	exit 0
fi

begin_install "$target"

# n8n 2.x needs a newer Node than the machine's: install and build with that Node first on PATH, so npm's
# scripts and sqlite3's native build target the Node that will run n8n. Empty for 1.x: the machine's Node.
node_bin="$(bash "$script_dir/install-node.sh" "$version")"
if [[ -n "$node_bin" ]]; then
	export PATH="$node_bin:$PATH"
	# The machine's npmrc points node-gyp at Node 20's headers; the `node` package ships its own.
	export npm_config_nodedir="$(cd "$node_bin/../node_modules/node-$(node -p 'process.platform + "-" + process.arch')" && pwd)"
fi

cd "$install_tmp"
# n8n-nodes-base wants xlsx as a CDN tarball that cannot be reached: pin the registry version instead.
printf '{"private":true,"overrides":{"xlsx":"0.18.5"}}\n' > package.json
# --ignore-scripts: isolated-vm (and kafka on 2.x) fail to build here; only sqlite3 must be native.
npm install --omit=dev --no-audit --no-fund --ignore-scripts "n8n@$version" >&2
# Said explicitly: under `npm test` the project's ignore-scripts=true reaches this npm as npm_config_ignore_scripts,
# and a rebuild without scripts leaves sqlite3 without its native binding.
npm rebuild --ignore-scripts=false sqlite3 >&2
test -f node_modules/sqlite3/build/Release/node_sqlite3.node
test -x node_modules/.bin/n8n
finish_install "$target" "$(date -u +%FT%TZ) node $(node --version)"
echo "$target"
