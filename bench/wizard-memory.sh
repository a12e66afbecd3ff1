#!/usr/bin/env bash
# Resident memory of the wizard after a full walk-through (docs/decisions/0055, 0072): the screenshot harness's
# walk without images (-Dpftw.walk.memoryOnly) under Xvfb — every demo step, a verification of the test bed, then
# connect over SSH, the runbook preset, a real deploy, two verifications — then 10 s of idling. Prints VmRSS (and
# its anonymous/file split) per run, the median, and with --nmt the JVM's Native Memory Tracking summary and heap.
#
# Usage (root, test bed up, after `mvn -B -DskipTests package`):
#   flock /tmp/pftw-testbed.lock bash bench/wizard-memory.sh [--runs N] [--nmt]
# PFTW_WALK_JAVA_OPTS replaces the window's JVM options below for an experiment (e.g. "" for the JVM defaults).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3 nmt=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --nmt) nmt=1; shift ;;
    *) echo "usage: bench/wizard-memory.sh [--runs N] [--nmt]" >&2; exit 2 ;;
  esac
done
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: apt-get install -y xvfb xauth" >&2; exit 2; }
[ -d target/test-classes ] && [ -d target/postfix-tls-wizard/lib ] || {
  echo "no build: run mvn -B -DskipTests package first" >&2; exit 2; }
. target/postfix-tls-wizard/lib/find-java.sh
pftw_find_java

# What bin/postfix-tls-wizard gives the window on JDK 23+ (keep in step with it). The harness starts JavaFX itself,
# so the launcher's GPU check is repeated here: without graphics hardware, software rendering and no GDK OpenGL.
window_options="--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:G1PeriodicGCInterval=5000
 -XX:MaxHeapFreeRatio=10 -XX:MinHeapFreeRatio=5 -XX:TrimNativeHeapInterval=5000 -XX:TieredStopAtLevel=1"
options=${PFTW_WALK_JAVA_OPTS-$window_options}
if ! ls /dev/dri/renderD* /dev/dri/card* /dev/nvidiactl >/dev/null 2>&1; then
  options="-Dprism.order=sw $options"
  export GDK_GL=${GDK_GL:-disable}
fi
accounts=()
[ "$nmt" = 0 ] || accounts=(-XX:NativeMemoryTracking=summary "-Dpftw.walk.jcmd=VM.native_memory,summary;GC.heap_info")

shots=$(mktemp -d)   # the harness's output directory; the memory walk writes no images
trap 'rm -rf "$shots"' EXIT
figures=()
for i in $(seq 1 "$runs"); do
  log=$(mktemp)
  # shellcheck disable=SC2086 # options is a list on purpose
  xvfb-run -a -s "-screen 0 1280x800x24" "$PFTW_JAVA" $options "${accounts[@]}" -Dpftw.walk.memoryOnly=true \
    -cp "target/test-classes:target/postfix-tls-wizard/lib/*" org.postfixtls.wizard.ui.ScreenshotTaker \
    "$shots" >"$log" 2>&1 || { cat "$log" >&2; echo "run $i failed" >&2; exit 1; }
  line=$(grep '^resident memory after the full walk-through' "$log")
  echo "run $i: ${line#resident memory after the full walk-through: }"
  [ "$nmt" = 0 ] || sed -n '/^Native Memory Tracking/,$p' "$log"
  figures+=("$(echo "$line" | sed -n 's/.*VmRSS: \([0-9]*\) kB.*/\1/p')")
  rm -f "$log"
done
median=$(printf '%s\n' "${figures[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median VmRSS after the walk-through: $median kB ($(( median / 1000 )) MB) over $runs runs ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
