# SPDX-License-Identifier: GPL-2.0-or-later
# uilib.sh - tmux helpers of ui.sh and uiscale.sh, used inside the sandbox.
# Sourced; POSIX sh.  tmux runs on a private socket, nsviz-bench-PID.
# the numbers read from /proc are split into words on purpose
# shellcheck disable=SC2046,SC2086

tm() { tmux -L "nsviz-bench-$$" -f /dev/null "$@"; }

# wait_screen SESSION FIXED-TEXT [SECONDS]: until the text is on screen
wait_screen() {
	_w_i=0
	_w_max=$((${3:-10} * 50))
	while [ $_w_i -lt $_w_max ]; do
		case $(tm capture-pane -p -t "$1") in
		*"$2"*) return 0 ;;
		esac
		sleep 0.02
		_w_i=$((_w_i + 1))
	done
	echo "timed out waiting for '$2' on the screen:" >&2
	tm capture-pane -p -t "$1" >&2
	return 1
}

# cpu PID: "RUN_NS TICKS RUNS VCSW": schedstat's nanoseconds on a CPU,
# utime+stime in clock ticks, times scheduled, voluntary context switches
cpu() {
	_c_s=$(cat "/proc/$1/schedstat") || return 1
	_c_t=$(sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}')
	_c_v=$(awk '$1 == "voluntary_ctxt_switches:" {print $2}' "/proc/$1/status")
	set -- $_c_s
	echo "$1 $_c_t $3 $_c_v"
}

