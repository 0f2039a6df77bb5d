# Sourced by install.sh and install-node.sh: the one cache folder, and installs that are never taken for
# complete while half done. Each is built in a temp folder beside its target, marked complete last, and
# renamed into place only after every step succeeded.
cache_root="${N8N_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-ocpi-asset-connector}"

# True when <target> was completed and <file> in it is executable.
installed() { [[ -f "$1/.install-complete" && -x "$2" ]]; }

# Creates install_tmp, the temp folder for <target>; removed on exit unless finish_install placed it.
begin_install() {
	mkdir -p "$cache_root"
	install_tmp="$(mktemp -d "$cache_root/.$(basename "$1").tmp.XXXXXX")"
	chmod 755 "$install_tmp" # mktemp makes it 0700
	trap 'rm -rf "$install_tmp"' EXIT
}

# Marks install_tmp complete with <note> and renames it to <target>. Another process may have finished
# first: then its folder is kept and ours is dropped on exit.
finish_install() {
	local target="$1" note="$2"
	echo "$note" >"$install_tmp/.install-complete"
	if [[ -e "$target" ]]; then
		if [[ -f "$target/.install-complete" ]]; then return 0; fi
		rm -rf "$target"
	fi
	mv "$install_tmp" "$target"
	trap - EXIT
}
