# shellcheck shell=bash
# Sourced by the scripts that open a window without a desktop (CI, the .deb smoke test, the startup cache
# training): a private Xvfb for the caller's own commands.
#
#   xvfb_start   starts it, exports DISPLAY, returns once the server answers (xdpyinfo); fails with its log otherwise
#   xvfb_stop    ends it
#   xvfb_await_window TITLE PID SECONDS
#                prints the xwininfo line of the first window titled TITLE, once it is there; nothing (and status 1)
#                when PID ends first or SECONDS pass (needs xwininfo, x11-utils)
#
# Why not `xvfb-run -a`: it picks the display number itself from the lock files in /tmp (":99" first) and only
# then starts the server. Another X server the lock files do not show (one in another mount namespace that holds
# the abstract socket @/tmp/.X11-unix/X99, a CI runner's own) makes the window's JVM reach that server, without
# its cookie: "cannot open display: :99". Here the server picks the number itself (-displayfd), only one whose
# sockets it could create, and tells it once it listens. Local connections only (-nolisten tcp), no cookie.
# Needs Xvfb (package xvfb); uses xdpyinfo (x11-utils) where installed.

XVFB_PID=""
XVFB_LOG=""

xvfb_start() {
  XVFB_LOG=$(mktemp /tmp/pftw-xvfb-log.XXXXXX)
  local number_file number=""
  number_file=$(mktemp /tmp/pftw-xvfb-display.XXXXXX)
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$number_file" >"$XVFB_LOG" 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 1 150); do
    number=$(tr -dc 0-9 <"$number_file")
    [ -n "$number" ] && break
    kill -0 "$XVFB_PID" 2>/dev/null || break
    sleep 0.2
  done
  rm -f "$number_file"
  if [ -z "$number" ]; then
    echo "Xvfb did not start within 30 s; its log:" >&2
    cat "$XVFB_LOG" >&2
    xvfb_stop
    return 1
  fi
  export DISPLAY=":$number"
  unset XAUTHORITY
  # -displayfd tells the number once the server listens; xdpyinfo, where installed, proves a client gets in.
  command -v xdpyinfo >/dev/null || return 0
  for _ in $(seq 1 150); do
    xdpyinfo >/dev/null 2>&1 && return 0
    kill -0 "$XVFB_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "Xvfb on $DISPLAY does not answer (xdpyinfo); its log:" >&2
  cat "$XVFB_LOG" >&2
  xvfb_stop
  return 1
}

xvfb_stop() {
  if [ -n "$XVFB_PID" ]; then
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
  fi
  XVFB_PID=""
  [ -z "$XVFB_LOG" ] || rm -f "$XVFB_LOG"
  XVFB_LOG=""
}

xvfb_await_window() {
  local title=$1 pid=$2 seconds=$3 found=""
  for _ in $(seq 1 $((seconds * 5))); do
    found=$(xwininfo -root -tree 2>/dev/null | grep -F "\"$title\"" | head -n 1 || true)
    [ -n "$found" ] && { printf '%s\n' "$found"; return 0; }
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}
