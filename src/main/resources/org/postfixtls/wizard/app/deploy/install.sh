#!/bin/bash
# Postfix TLS Wizard offline bundle: runs the same transaction as an SSH deploy, on this server, as root.
#   bash install.sh [STATE_ROOT]      (default /var/lib/postfix-tls-wizard)
# Exit 0 deployed; 1 failed (nothing changed, or rolled back: the output says which); 2 cannot start.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=${1:-/var/lib/postfix-tls-wizard}
[ "$(id -u)" = 0 ] || { echo "install.sh: run as root" >&2; exit 2; }
CONF=$(sed -n 's/^config_dir=//p' "$HERE/job/job")
ID=$(sed -n 's/^id=//p' "$HERE/job/job")
KEY=$(printf '%s' "$CONF" | sed 's#^/*##; s#/*$##; s#/#_#g')
JOB="$ROOT/${KEY:-root}/deploys/$ID"
COPY=$(mktemp -d) || exit 2
cp -r "$HERE/job/." "$COPY/"
echo "job $ID for $CONF (state in $ROOT/${KEY:-root})"
# prepare takes the job's files by name and SHA-256 (an SSH deploy sends the client's hashes; here the copy is
# root's own, so its hashes are the reference)
sums=()
while IFS= read -r f; do
  sums+=("$f=$(sha256sum <"$COPY/$f" | cut -d' ' -f1)")
done < <(cd "$COPY" && find job plan apply.sh new -type f 2>/dev/null)
bash "$COPY/apply.sh" prepare "$COPY" "$JOB" "${sums[@]}" >/dev/null; rc=$?
rm -rf "$COPY"
[ $rc -eq 0 ] || { echo "install.sh: cannot prepare $JOB" >&2; exit 2; }
# apply.sh run: refuses a job its validation refused, prints the steps, leaves the outcome in the job's result
bash "$JOB/apply.sh" run "$JOB"
[ -f "$JOB/result" ] || exit 1
IFS=$'\t' read -r result step message <"$JOB/result"
case "$result" in
  committed)
    # a mail stack's override files (decision 0064): written, applied only when the stack restarts Postfix
    if [ "$step" = written ]; then echo "WRITTEN, NOT APPLIED (job $ID; backup in $JOB/backup): $message"
    else echo "deployed (job $ID; backup in $JOB/backup)"; fi
    exit 0 ;;
  rolled-back) echo "FAILED at $step and ROLLED BACK: $message" >&2; exit 1 ;;
  *) echo "FAILED ($result at $step): $message" >&2; exit 1 ;;
esac
