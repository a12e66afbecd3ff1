#!/bin/bash
# Postfix TLS Wizard (Ansible role): undo one deploy with the same transaction, as root.
#   bash rollback.sh STATE_ROOT CONFIG_DIR DEPLOY_ID APPLY_SH
# Restores the files as they were before DEPLOY_ID (byte for byte, owner, mode, links, maps), validated, locked,
# reloaded and health-checked like a deploy. Exit 0 rolled back; 1 failed (the output says what); 2 cannot start.
set -u
[ "$(id -u)" = 0 ] || { echo "rollback.sh: run as root" >&2; exit 2; }
ROOT=$1 CONF=$2 TARGET=$3 APPLY=$4
KEY=$(printf '%s' "$CONF" | sed 's#^/*##; s#/*$##; s#/#_#g')
INSTANCE="$ROOT/${KEY:-root}"
ID="$(date -u +%Y%m%dT%H%M%SZ)-$(od -An -N2 -tx1 /dev/urandom | tr -d ' \n')"
JOB="$INSTANCE/deploys/$ID"
UPLOAD=$(mktemp -d) || exit 2
cp "$APPLY" "$UPLOAD/apply.sh" || { rm -rf "$UPLOAD"; exit 2; }
SUM=$(sha256sum <"$UPLOAD/apply.sh" | cut -d' ' -f1)
out=$(bash "$UPLOAD/apply.sh" rollback-job "$INSTANCE" "$TARGET" "$JOB" "$ID" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  ansible "$UPLOAD" "apply.sh=$SUM"); rc=$?
rm -rf "$UPLOAD"
[ $rc -eq 0 ] || { echo "rollback.sh: cannot prepare the rollback of $TARGET" >&2; exit 2; }
field() { printf '%s\n' "$out" | awk -F'\t' -v k="$1" '$1 == k { print $2 }' | base64 -d 2>/dev/null; }
if [ "$(field valid)" != yes ]; then
  echo "REFUSED, nothing was changed: $(field reason)" >&2
  exit 1
fi
result=""
while IFS=$'\t' read -r kind a b c; do
  case "$kind" in
    PROGRESS) printf '[%s] %s: %s\n' "$b" "$a" "$c" ;;
    RESULT) result=$a; step=$b; message=$c ;;
  esac
done < <(bash "$JOB/apply.sh" start "$JOB")
case "$result" in
  committed) echo "rolled back deploy $TARGET (job $ID)"; exit 0 ;;
  *) echo "ROLLBACK FAILED ($result at $step): $message" >&2; exit 1 ;;
esac
