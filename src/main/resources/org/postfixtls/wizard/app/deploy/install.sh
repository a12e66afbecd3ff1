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
out=$(bash "$COPY/apply.sh" prepare "$COPY" "$JOB" "${sums[@]}"); rc=$?
rm -rf "$COPY"
[ $rc -eq 0 ] || { echo "install.sh: cannot prepare $JOB" >&2; exit 2; }
field() { printf '%s\n' "$out" | awk -F'\t' -v k="$1" '$1 == k { print $2 }' | base64 -d 2>/dev/null; }
if [ "$(field valid)" != yes ]; then
  echo "REFUSED, nothing was changed: $(field reason)" >&2
  exit 1
fi
echo "validated with this server's postconf"
result=""
while IFS=$'\t' read -r kind a b c; do
  case "$kind" in
    PROGRESS) printf '[%s] %s: %s\n' "$b" "$a" "$c" ;;
    RESULT) result=$a; step=$b; message=$c ;;
  esac
done < <(bash "$JOB/apply.sh" start "$JOB")
case "$result" in
  committed)
    # a mail stack's override files (decision 0064): written, applied only when the stack restarts Postfix
    if [ "$step" = written ]; then echo "WRITTEN, NOT APPLIED (job $ID; backup in $JOB/backup): $message"
    else echo "deployed (job $ID; backup in $JOB/backup)"; fi
    exit 0 ;;
  rolled-back) echo "FAILED at $step and ROLLED BACK: $message" >&2; exit 1 ;;
  *) echo "FAILED ($result at $step): $message" >&2; exit 1 ;;
esac
