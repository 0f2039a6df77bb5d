# Sourced by postgres.sh and redis.sh.

# Runs <command...> in the background, detached, once process <owner-pid> has gone: a server started for a test
# run or the demo stops even when its owner was killed (SIGKILL, a crashed Jest worker) and never cleaned up.
stop_when_gone() {
	local owner="$1"
	shift
	[[ -n "$owner" ]] || return 0
	setsid bash -c 'while kill -0 "$0" 2>/dev/null; do sleep 2; done; "$@"' "$owner" "$@" </dev/null >/dev/null 2>&1 &
}

# Waits up to <seconds> for <command...> to succeed.
wait_until() {
	local seconds="$1"
	shift
	for _ in $(seq 1 $((seconds * 4))); do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.25
	done
	return 1
}
