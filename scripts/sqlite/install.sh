#!/usr/bin/env bash
# Builds better-sqlite3's native binding (the reference CPMS's database) when it is missing, from the source the
# npm package ships. The project's .npmrc has ignore-scripts=true, so `npm ci` leaves the binding unbuilt. Its
# install script first tries a prebuilt binary from the internet (which machines here do not reach), then node-gyp,
# which compiles against the headers of the Node that runs this script (<prefix>/include/node): no download.
# Fast and silent when the binding already loads. Installs Debian's compilers with apt-get when they are missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

loads() { node -e "new (require('better-sqlite3'))(':memory:').close()" >/dev/null 2>&1; }

loads && exit 0

if ! command -v g++ >/dev/null || ! command -v make >/dev/null || ! command -v python3 >/dev/null; then
	sudo=()
	[[ "$(id -u)" -eq 0 ]] || sudo=(sudo -n)
	echo "Installing build tools with apt-get (once per machine)" >&2
	"${sudo[@]}" apt-get update -qq >&2
	# waits for dpkg's lock: test-all.sh may be installing Chromium at the same time
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends g++ make python3 >&2
fi

prefix="$(node -p 'require("path").resolve(process.execPath, "../..")')"
[[ -f "$prefix/include/node/node_api.h" ]] || { echo "no Node headers in $prefix/include/node: install the Node that ships them (e.g. Debian's nodejs)" >&2; exit 1; }

echo "Building better-sqlite3 against $prefix/include/node (about two minutes, once per install)" >&2
npm_config_nodedir="$prefix" JOBS=2 npm rebuild better-sqlite3 --ignore-scripts=false --foreground-scripts >&2
loads || { echo "better-sqlite3 was built but does not load" >&2; exit 1; }
