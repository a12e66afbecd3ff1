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
bash "$UPLOAD/apply.sh" rollback-job "$INSTANCE" "$TARGET" "$JOB" "$ID" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  ansible "$UPLOAD" "apply.sh=$SUM" >/dev/null; rc=$?
rm -rf "$UPLOAD"
[ $rc -eq 0 ] || { echo "rollback.sh: cannot prepare the rollback of $TARGET" >&2; exit 2; }
# apply.sh run (shared with the offline bundle's install.sh): refuses a job its validation refused, prints the
# steps, leaves the outcome in the job's result
bash "$JOB/apply.sh" run "$JOB"
[ -f "$JOB/result" ] || exit 1
IFS=$'\t' read -r result step message <"$JOB/result"
case "$result" in
  committed) echo "rolled back deploy $TARGET (job $ID)"; exit 0 ;;
  *) echo "ROLLBACK FAILED ($result at $step): $message" >&2; exit 1 ;;
esac
