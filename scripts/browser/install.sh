#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the browser test (test/browser) when it is missing, and prints
# its executable path. playwright-core drives this system Chromium: Playwright's own browser download needs the
# internet, which CI machines here do not have. Fast and silent when Chromium is already there. fonts-liberation:
# without recommends, a bare machine may have no fonts for the screenshots.
set -euo pipefail

find_chromium() { command -v chromium || command -v chromium-browser || true; }

bin="$(find_chromium)"
if [[ -z "$bin" ]]; then
	sudo=()
	[[ "$(id -u)" -eq 0 ]] || sudo=(sudo -n)
	echo "Installing chromium with apt-get (once per machine)" >&2
	"${sudo[@]}" apt-get update -qq >&2
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation >&2
	bin="$(find_chromium)"
fi
[[ -n "$bin" ]] || { echo "chromium is still not on PATH after apt-get install" >&2; exit 1; }
echo "$bin"
