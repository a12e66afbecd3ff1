#!/usr/bin/env bash
# Paired benchmark on a test bed: our cold CLI (verify of the three ports, --version, deploy, rollback) beside
# sslscan on the same three ports and, with --testssl, testssl.sh -p on the SMTP port. Every round runs each tool
# once, in the same order, so a busy machine slows all of them alike; medians of ROUNDS rounds are printed with
# the ratio to sslscan. Figures are wall and CPU (user+system) seconds of the whole process, as a user feels them.
#
# Usage (root, test bed up, after `mvn -B -DskipTests package`):
#   flock /tmp/pftw-testbed.lock bash bench/compare.sh [--rounds N] [--testssl] [--bed PROPERTIES | --matrix 3.10]
#                                                      [--baseline DIST] [--deploy-only]
# --bed picks another bed's properties file (default /var/lib/pftw-testbed/testbed.properties); --matrix BED a
# matrix bed's (a stock Debian Postfix in a chroot, .ci/testbed/matrix). --baseline DIST also runs deploy and
# rollback with another build's launcher (DIST/bin/postfix-tls-wizard, e.g. a copy of target/postfix-tls-wizard
# made before a change) in every round, right after ours: a paired before/after on the same bed and load.
# --deploy-only skips verify, sslscan and --version.
# The bed is deployed with the runbook profile first (so every port speaks TLS) and reset to its baseline at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=5 testssl=0 props=/var/lib/pftw-testbed/testbed.properties baseline="" deploy_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=${2:?--rounds needs a number}; shift 2 ;;
    --testssl) testssl=1; shift ;;
    --bed) props=${2:?--bed needs a properties file}; shift 2 ;;
    --matrix) props=/var/lib/pftw-testbed-matrix/${2:?--matrix needs a bed: 3.5 or 3.10}/testbed.properties; shift 2 ;;
    --baseline) baseline=${2:?--baseline needs a launcher directory}/bin/postfix-tls-wizard; shift 2 ;;
    --deploy-only) deploy_only=1; shift ;;
    *) echo "usage: bench/compare.sh [--rounds N] [--testssl] [--bed PROPERTIES | --matrix BED] [--baseline DIST] [--deploy-only]" >&2; exit 2 ;;
  esac
done
[ -z "$baseline" ] || [ -x "$baseline" ] || { echo "no launcher at $baseline" >&2; exit 2; }
[ -r "$props" ] || { echo "no test bed ($props): run .ci/testbed/up first" >&2; exit 2; }
cli=target/postfix-tls-wizard/bin/postfix-tls-wizard
[ -x "$cli" ] || { echo "no launcher at $cli: run mvn -B -DskipTests package first" >&2; exit 2; }
prop() { sed -n "s/^$1=//p" "$props" | head -n 1; }

host=$(prop host) smtp=$(prop smtp.port) sub=$(prop submission.port) subs=$(prop submissions.port)
work=$(mktemp -d)
trap 'bash "$(prop testbed.reset)" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

cat >"$work/profile.json" <<EOF
{ "schema": 1, "hardening": { "preset": "runbook" },
  "certificate": { "chainFile": "$(prop tls.fullchain)", "keyFile": "$(prop tls.key)" },
  "submission": { "starttls": { "port": $sub }, "implicitTls": { "port": $subs } } }
EOF
remote=(--host "$host" --port "$(prop ssh.port)" --user "$(prop ssh.user)" --identity "$(prop ssh.key)" --sudo
  --config-dir "$(prop postfix.configDir)" --known-hosts "$(prop ssh.knownHosts)" --journal "$work/journal.jsonl")

# measure NAME COMMAND...: appends "wall cpu" to $work/NAME; the command's output goes to $work/NAME.out
measure() {
  local name=$1; shift
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >"$work/$name.out" 2>&1 || echo "$name exited $?" >>"$work/failures"
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/time" >>"$work/$name"
}

verify=("$cli" verify --host "$host" --smtp-port "$smtp" --submission-port "$sub" --submissions-port "$subs"
  --ca-file "$(prop tls.ca)")
sslscan_ports() { for port in "$smtp" "$sub"; do sslscan --no-colour --starttls-smtp "$host:$port"; done; sslscan --no-colour "$host:$subs"; }
have_sslscan=0; command -v sslscan >/dev/null && have_sslscan=1

bash "$(prop testbed.reset)" >/dev/null
for i in $(seq 1 "$rounds"); do
  printf 'round %d/%d\n' "$i" "$rounds" >&2
  printf '%s\n' "$(cut -d' ' -f1 /proc/loadavg)" >>"$work/load"
  measure deploy "$cli" deploy "${remote[@]}" --profile "$work/profile.json"
  if [ $deploy_only = 0 ]; then
    measure verify "${verify[@]}"
    [ $have_sslscan = 1 ] && measure sslscan bash -c "$(declare -f sslscan_ports); host=$host smtp=$smtp sub=$sub subs=$subs; sslscan_ports"
    measure version "$cli" --version
  fi
  measure rollback "$cli" rollback "${remote[@]}"
  if [ -n "$baseline" ]; then
    measure deploy-base "$baseline" deploy "${remote[@]}" --profile "$work/profile.json"
    measure rollback-base "$baseline" rollback "${remote[@]}"
  fi
done
[ $testssl = 1 ] && command -v testssl >/dev/null && measure testssl testssl -p --quiet --starttls smtp "$host:$smtp"
if [ -s "$work/failures" ]; then
  echo "some runs did not succeed (their times are still counted):" >&2; sort <"$work/failures" | uniq -c >&2
  for f in verify deploy rollback deploy-base rollback-base; do [ ! -s "$work/$f.out" ] || tail -n 5 "$work/$f.out" >&2; done
fi

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
col() { [ -s "$work/$1" ] && cut -d' ' -f"$2" "$work/$1" | median || echo -; }
ref_wall=$(col sslscan 1)
printf '\n%s, %s, %d round(s), %s, Postfix %s, 1-min load at each round: %s\n' "$(date -u +%Y-%m-%d)" \
  "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)" "$rounds" "bed: $props" \
  "$(prop postfix.version)" "$(tr '\n' ' ' <"$work/load")"
printf '%-34s %10s %10s %12s\n' "what" "wall (s)" "CPU (s)" "÷ sslscan"
for row in "verify:our verify, 3 ports, cold CLI" "sslscan:sslscan, same 3 ports" "version:our --version" \
           "deploy:our deploy (runbook profile)" "rollback:our rollback" "deploy-base:baseline deploy (--baseline)" \
           "rollback-base:baseline rollback (--baseline)" "testssl:testssl.sh -p, SMTP port only"; do
  name=${row%%:*} label=${row#*:}
  [ -s "$work/$name" ] || continue
  wall=$(col "$name" 1) cpu=$(col "$name" 2) ratio=-
  [ "$ref_wall" != - ] && ratio=$(awk -v a="$wall" -v b="$ref_wall" 'BEGIN { printf "%.2f×", a / b }')
  printf '%-34s %10s %10s %12s\n' "$label" "$wall" "$cpu" "$ratio"
done
[ $have_sslscan = 1 ] || echo "(sslscan not installed: apt-get install sslscan for the reference column)"
if [ -n "$baseline" ]; then
  for name in deploy rollback; do
    [ -s "$work/$name" ] && [ -s "$work/$name-base" ] || continue
    awk -v a="$(col "$name" 1)" -v b="$(col "$name-base" 1)" -v n="$name" \
      'BEGIN { printf "%s: this build %.3f s, baseline %.3f s (median wall), %.2f× faster\n", n, a, b, b / a }'
  done
fi
