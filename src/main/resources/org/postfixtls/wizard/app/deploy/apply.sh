#!/bin/bash
# Postfix TLS Wizard: server-side transaction. Runs as root. The same script serves the SSH deploy and the
# offline bundle. See docs/deploy.md.
#
#   apply.sh prepare  UPLOAD_DIR JOB_DIR NAME=SHA256...
#                                          copy the named files of an upload into JOB_DIR (root, 0700), each only if
#                                          its SHA-256 is the given one, then validate the job (no live change)
#   apply.sh validate JOB_DIR              stage + validate with the server's own Postfix (no live change)
#   apply.sh start    JOB_DIR              run "commit" detached (survives a lost connection), then follow it
#   apply.sh commit   JOB_DIR              lock, check, backup, validate, swap, postmap, check, reload, health; undo on failure
#   apply.sh follow   JOB_DIR [SECONDS [SKIP]]  print progress lines (after the first SKIP) until the job has a result
#   apply.sh run      JOB_DIR              start and print the steps for a person (install.sh, the role's rollback.sh)
#   apply.sh history  INSTANCE_DIR [N]     print every job's (or the newest N jobs') metadata, state, result and manifest
#   apply.sh rollback-job INSTANCE_DIR TARGET_ID JOB_DIR ID CREATED CLIENT UPLOAD_DIR apply.sh=SHA256
#                                          create a job that restores the files TARGET_ID backed up
#
# The SSH deploy runs prepare and rollback-job with this script on stdin (bash -s): root never runs a script from
# the login user's upload directory, and copies from there only what the client's hashes vouch for.
#
# Job directory: job (key=value), plan (name TAB action TAB expected-sha256|absent [TAB owner group mode]),
# new/NAME, then written here: progress, result, state, manifest, backup/NAME.
set -u
export LC_ALL=C
umask 077
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# Builtins where a loop or every step would otherwise start processes: on a busy server each fork and exec costs
# tens of milliseconds, and the transaction's time is mostly that.
emit() { printf '%s\t' "$1"; printf '%s' "$2" | base64 -w0; printf '\n'; }
oneline() { local t=${1//[$'\t\r\n']/ }; printf '%s' "${t:0:2000}"; }

job_value() { # JOB_DIR KEY: the first KEY=value line's value
  local line
  while IFS= read -r line; do
    case "$line" in "$2="*) printf '%s\n' "${line#"$2="}"; return ;; esac
  done <"$1/job"
}

# Where a planned file lives: a mail stack's override file has its own path in the job (path.NAME=/abs/path),
# every other file is in the configuration directory.
target_path() {
  local p=${PATHS["path.$1"]-}
  if [ -n "$p" ]; then printf '%s\n' "$p"; else printf '%s/%s\n' "$CONF" "$1"; fi
}

declare -A PATHS
load_job() {
  local line key
  JOB=$1
  [ -f "$JOB/job" ] || { echo "not a job directory: $JOB" >&2; exit 2; }
  ID="" CONF="" DBTYPE="" STACK="" RESTART="" PATHS=()
  while IFS= read -r line; do
    key=${line%%=*}
    case "$key" in
      id) [ -n "$ID" ] || ID=${line#*=} ;; config_dir) [ -n "$CONF" ] || CONF=${line#*=} ;;
      db_type) [ -n "$DBTYPE" ] || DBTYPE=${line#*=} ;;
      # a mail stack whose container start applies the override files (decision 0064); empty for plain Postfix
      stack) [ -n "$STACK" ] || STACK=${line#*=} ;; restart) [ -n "$RESTART" ] || RESTART=${line#*=} ;;
      path.*) [ -n "${PATHS[$key]-}" ] || PATHS[$key]=${line#*=} ;;
    esac
  done <"$JOB/job"
  case "$JOB" in
    /*/*/*) INSTANCE=${JOB%/}; INSTANCE=${INSTANCE%/*}; INSTANCE=${INSTANCE%/*} ;;
    *) INSTANCE=$(cd "$JOB/../.." && pwd) ;;
  esac
  PROGRESS="$JOB/progress"
}

progress() { # step status message
  printf '%s\t%s\t%s\n' "$1" "$2" "$(oneline "${3:-}")" >>"$PROGRESS"
}

set_state() { printf '%s\n' "$1" >"$JOB/state.tmp" && mv -f "$JOB/state.tmp" "$JOB/state"; }

finish() { # status step message
  printf '%s\t%s\t%s\n' "$1" "$2" "$(oneline "$3")" >"$JOB/result.tmp" && mv -f "$JOB/result.tmp" "$JOB/result"
}

sha() { local h; if [ -f "$1" ]; then h=$(sha256sum -- "$1" </dev/null); printf '%s\n' "${h%% *}"; else echo absent; fi; }

map_files() { # every file postmap may have made for a map source
  printf '%s\n' "$1.db" "$1.lmdb" "$1.cdb" "$1.dir" "$1.pag"
}

# Owner, group (numeric: a uid without a name still restores) and mode of what a path resolves to.
file_meta() { stat -L -c '%u	%g	%a' -- "$1"; }

# Where a symbolic link points (as written in the link), empty for anything else.
link_of() { if [ -L "$1" ]; then readlink -- "$1"; fi; }

# Only the PEM CERTIFICATE blocks of a file's first 256 KB: a certificate file may also hold the private key
# (smtpd_tls_chain_files, smtpd_tls_key_file defaulting to smtpd_tls_cert_file), which never leaves this server.
certs_only() {
  local out
  out=$(head -c 262144 -- "$1" 2>/dev/null | awk '
    /^-----BEGIN CERTIFICATE-----/ { inside = 1; block = "" }
    inside && /^-----/ && !/^-----(BEGIN|END) CERTIFICATE-----/ { inside = 0; block = ""; next }
    inside { block = block $0 "\n" }
    inside && /^-----END CERTIFICATE-----/ { printf "%s", block; inside = 0 }')
  case "$out" in *"PRIVATE KEY"*) return 1 ;; esac
  [ -z "$out" ] || printf '%s\n' "$out"
}

# ---------------------------------------------------------------- validation (no live change)
validate() {
  local staging="$JOB/staging" name action rest out warn new certs=() certs_before=""
  local live=() new_files=()
  rm -f "$JOB/validated"
  conf_inputs; FP_BEFORE=$(fingerprint "${FP_FILES[@]}")
  if [ -d "$staging" ]; then rm -rf "$staging"; fi
  mkdir "$staging" || { VALIDATION_ERROR="cannot create $staging"; return 1; }
  # one cp for the live files, one for the new ones (which replace them), then the planned deletions
  for name in main.cf master.cf tls_policy; do [ ! -f "$CONF/$name" ] || live+=("$CONF/$name"); done
  [ ${#live[@]} -eq 0 ] || cp -p -- "${live[@]}" "$staging/" 2>/dev/null
  while IFS=$'\t' read -r name action rest; do
    [ "$action" = write ] && new_files+=("$JOB/new/$name")
  done <"$JOB/plan"
  [ ${#new_files[@]} -eq 0 ] || cp -- "${new_files[@]}" "$staging/" || { VALIDATION_ERROR="cannot stage the new files in $staging"; return 1; }
  while IFS=$'\t' read -r name action rest; do
    [ "$action" = delete ] && rm -f -- "$staging/$name"
  done <"$JOB/plan"
  if [ -n "$STACK" ]; then
    stack_start "$staging" || { VALIDATION_ERROR="the override files cannot be applied the way $STACK does at start"; return 1; }
  fi
  # Postfix commands pause ~1.5 s on a main.cf younger than 2 s (editor protection); staging copies need none
  touch -d '-5 seconds' "$staging"/* 2>/dev/null
  # Postfix's own parser on the staged files: errors, and warnings the live files do not already cause (the
  # live files are only parsed when the staged ones warn at all: most validations need no second postconf run).
  for mode in -n -M; do
    if ! postconf -c "$staging" $mode >"$JOB/staging$mode" 2>"$JOB/staging.warn" </dev/null; then
      VALIDATION_ERROR="postconf $mode rejects the new files: $(head -n3 "$JOB/staging.warn")"; return 1
    fi
    [ -s "$JOB/staging.warn" ] || continue
    postconf -c "$CONF" $mode >/dev/null 2>"$JOB/live.warn" </dev/null
    new=""
    while IFS= read -r warn; do
      warn=${warn//"$staging"/"$CONF"}
      # a stack's override file works by defining names again after the stack's own main.cf
      if [ -n "$STACK" ]; then case "$warn" in *"overriding earlier entry"*) continue ;; esac; fi
      grep -qxF -- "$warn" "$JOB/live.warn" || new="$new
$warn"
    done <"$JOB/staging.warn"
    new=$(printf '%s' "$new" | sed '/^$/d' | sort -u | head -n3 | tr '\n' ' ')
    if [ -n "$new" ]; then VALIDATION_ERROR="postconf $mode warns about the new files:$new"; return 1; fi
  done
  # The certificate and key files the new main.cf names exist, are readable and belong together.
  local chain="" cert="" key="" maillog="" certpub keypub f line name
  # one postconf run for the expanded values ("name = value" lines)
  while IFS= read -r line; do
    name=${line%% =*}; line=${line#"$name ="}; line=${line# }
    case "$name" in
      smtpd_tls_chain_files) chain=$line ;; smtpd_tls_cert_file) cert=$line ;;
      smtpd_tls_key_file) key=$line ;; maillog_file) maillog=$line ;;
    esac
  done < <(postconf -c "$staging" -x smtpd_tls_chain_files smtpd_tls_cert_file smtpd_tls_key_file maillog_file 2>/dev/null </dev/null)
  [ -n "$key" ] || key=$cert
  for f in ${chain//,/ }; do certs+=("$f"); done
  [ -z "$cert" ] || certs+=("$cert" "$key")
  certs_before=$(fingerprint "${certs[@]}")
  # what "postfix check" would refuse of these files (postfix-script check-fatal): logging to a file needs the
  # postlog service in master.cf (decision 0070: the check itself runs only when it can find more)
  if [ -n "$maillog" ] && ! grep -q '^postlog[[:space:]]\+unix-dgram[[:space:]]' "$JOB/staging-M"; then
    VALIDATION_ERROR="maillog_file = $maillog needs the postlog service (unix-dgram) in master.cf"; return 1
  fi
  if [ -n "$chain" ]; then
    for f in $(printf '%s' "$chain" | tr ',' ' '); do
      [ -r "$f" ] || { VALIDATION_ERROR="smtpd_tls_chain_files names $f, which does not exist or is not readable"; return 1; }
    done
  elif [ -n "$cert" ]; then
    [ -f "$cert" ] && [ -r "$cert" ] || { VALIDATION_ERROR="smtpd_tls_cert_file = $cert does not exist or is not readable"; return 1; }
    [ -f "$key" ] && [ -r "$key" ] || { VALIDATION_ERROR="smtpd_tls_key_file = $key does not exist or is not readable"; return 1; }
    certpub=$(openssl x509 -in "$cert" -noout -pubkey 2>/dev/null </dev/null) \
      || { VALIDATION_ERROR="$cert is not a PEM certificate"; return 1; }
    keypub=$(openssl pkey -in "$key" -passin pass: -pubout 2>/dev/null </dev/null) \
      || { VALIDATION_ERROR="$key is not an unencrypted PEM private key (Postfix cannot use an encrypted key)"; return 1; }
    CERT_FILE=$cert; KEY_FILE=$key; KEY_PUB=$keypub
    [ "$certpub" = "$keypub" ] || { VALIDATION_ERROR="the key $key does not match the certificate $cert"; return 1; }
  fi
  if [ -f "$staging/tls_policy" ]; then
    if ! out=$(postmap -c "$CONF" "$DBTYPE:$staging/tls_policy" 2>&1 </dev/null) || [ -n "$out" ]; then
      VALIDATION_ERROR="postmap rejects the new tls_policy: $out"; return 1
    fi
  fi
  # the verdict holds for these inputs if none of them changed while it was being reached
  [ -z "$certs_before" ] || FP_BEFORE="$FP_BEFORE"$'\n'"$certs_before"
  if [ "$(fingerprint "${FP_FILES[@]}" "${certs[@]}")" = "$FP_BEFORE" ]; then
    printf '%s\n' "${FP_FILES[@]}" "${certs[@]}" >"$JOB/validated-files"
    fingerprint_inputs "$JOB/validated-files" >"$JOB/validated"
  fi
  return 0
}

# What a validation reads besides the job's own (root-owned, never changed) files: the live main.cf, master.cf
# and tls_policy it stages the new files over, the files of the plan (a stack's override files live elsewhere),
# then the certificate and key files the new main.cf names, and the postconf/postmap programs that judge them.
# The same fingerprint under the lock means the validation's verdict still holds (decision 0070).
conf_inputs() { # FP_FILES
  local name rest
  FP_FILES=("$CONF/main.cf" "$CONF/master.cf" "$CONF/tls_policy")
  while IFS=$'\t' read -r name rest; do FP_FILES+=("$(target_path "$name")"); done <"$JOB/plan"
}
fingerprint() { [ $# -eq 0 ] || sha256sum -- "$@" 2>&1 </dev/null; } # a missing file prints its own line
fingerprint_inputs() { # LIST_FILE: the files' fingerprint, and the postconf and postmap programs' in PATH
  local files=() f d
  while IFS= read -r f; do files+=("$f"); done <"$1"
  for f in postconf postmap; do
    for d in ${PATH//:/ }; do [ -x "$d/$f" ] && { files+=("$d/$f"); break; }; done
  done
  fingerprint "${files[@]}"
}

# What the stack's container start makes of main.cf/master.cf with the planned override files, in the staging
# directory (the stacks' own scripts: mailcow postfix.sh, docker-mailserver's setup, Mailu start.py).
stack_start() {
  local staging=$1 line
  case "$STACK" in
    mailcow)
      [ -f "$staging/extra.cf" ] || return 0
      if grep -q '^# User Overrides' "$staging/main.cf"; then sed -i '/^# User Overrides/q' "$staging/main.cf"
      else sed -i '/Overrides/q' "$staging/main.cf" && printf '\n# User Overrides\n' >>"$staging/main.cf"; fi
      cat "$staging/extra.cf" >>"$staging/main.cf" ;;
    docker-mailserver)
      if [ -f "$staging/postfix-main.cf" ]; then cat "$staging/postfix-main.cf" >>"$staging/main.cf" || return 1; fi
      if [ -f "$staging/postfix-master.cf" ]; then
        while IFS= read -r line; do
          [[ $line =~ ^[0-9a-z] ]] || continue
          postconf -c "$staging" -P "$line" </dev/null >/dev/null 2>&1 || return 1
        done <"$staging/postfix-master.cf"
      fi ;;
    Mailu)
      # start.py passes each line to sh inside double quotes: undo the backslash escapes the shell would remove
      if [ -f "$staging/postfix.cf" ]; then
        while IFS= read -r line; do
          case "$line" in ''|'#'*) continue ;; esac
          postconf -c "$staging" -e "$(printf '%s' "$line" | sed 's/\\\([\\$"`]\)/\1/g')" </dev/null >/dev/null 2>&1 || return 1
        done <"$staging/postfix.cf"
      fi
      if [ -f "$staging/postfix.master" ]; then
        while IFS= read -r line; do
          case "$line" in ''|'#'*) continue ;; esac
          postconf -c "$staging" -Me "$(printf '%s' "$line" | sed 's/\\\([\\$"`]\)/\1/g')" </dev/null >/dev/null 2>&1 || return 1
        done <"$staging/postfix.master"
      fi ;;
  esac
  return 0
}

cmd_validate() {
  load_job "$1"
  CERT_FILE=""; KEY_FILE=""; KEY_PUB=""; VALIDATION_ERROR=""
  progress validate start "staging the new files in $JOB/staging and checking them with postconf -c"
  if validate; then
    progress validate ok "postconf, postmap and the certificate/key check accept the new files"
    emit valid yes
  else
    progress validate fail "$VALIDATION_ERROR"
    emit valid no
    emit reason "$VALIDATION_ERROR"
  fi
  # The certificate (public) and the public half of the key, so the client can inspect them; the private
  # key itself never leaves this server.
  if [ -n "$CERT_FILE" ]; then
    emit cert.path "$CERT_FILE"
    printf 'cert.pem\t%s\n' "$(certs_only "$CERT_FILE" | base64 -w0)"
    emit key.path "$KEY_FILE"
    emit key.pub "$KEY_PUB"
    emit key.meta "$(stat -L -c '%U %G %a' -- "$KEY_FILE")"
  fi
}

# The upload directory belongs to the login user, whose processes may swap files in it at any time: copy each
# named file into root's own directory and use the copy only if its SHA-256 is the one the client computed.
receive() { # UPLOAD DEST NAME=SHA256...
  local upload=$1 dest=$2 pair name sum
  shift 2
  for pair in "$@"; do
    name=${pair%=*}; sum=${pair##*=}
    if ! [[ $name =~ ^(job|plan|apply\.sh|new/[A-Za-z0-9_][A-Za-z0-9._-]*)$ && $sum =~ ^[0-9a-f]{64}$ ]]; then
      echo "refusing the upload entry '$pair' (not a job file with a SHA-256)" >&2; return 1
    fi
    [ "${name%/*}" = "$name" ] || mkdir -p "$dest/${name%/*}" || return 1
    # bounded in time and size: the login user could swap in a FIFO or a link to a device
    if ! timeout 30 head -c 16777216 -- "$upload/$name" >"$dest/$name" 2>/dev/null </dev/null \
        || [ "$(sha256sum <"$dest/$name" | cut -d' ' -f1)" != "$sum" ]; then
      echo "$name in $upload is missing or changed after the upload (its SHA-256 is not the one the client computed); nothing was run" >&2
      return 1
    fi
  done
}

# Until the job is complete (PARTIAL_JOB emptied), any exit or signal removes its directory: no partial jobs.
PARTIAL_JOB=""
discard_partial() { if [ -n "$PARTIAL_JOB" ]; then rm -rf -- "$PARTIAL_JOB"; fi; }

new_job_directory() { # JOB: create it (root, 0700) under a root-only instance directory, or exit 2
  local job=$1
  mkdir -p "$(dirname "$job")" && chmod 700 "$(dirname "$(dirname "$job")")" "$(dirname "$job")" \
    || { echo "cannot create $(dirname "$job")" >&2; exit 2; }
  if [ -e "$job" ]; then echo "job directory $job exists already" >&2; exit 2; fi
  mkdir -m 700 "$job" || exit 2
  PARTIAL_JOB=$job
  trap discard_partial EXIT
  trap 'exit 2' HUP INT TERM PIPE
}

cmd_prepare() { # UPLOAD JOB NAME=SHA256...
  local upload=$1 job=$2 f
  shift 2
  new_job_directory "$job"
  receive "$upload" "$job" "$@" || exit 2
  for f in job plan apply.sh; do
    [ -f "$job/$f" ] || { echo "the upload names no $f" >&2; exit 2; }
  done
  : >"$job/progress"
  cmd_validate "$job"
  set_state prepared
  PARTIAL_JOB=""
}

# ---------------------------------------------------------------- swap helpers
install_file() { # source target uid gid mode: copy next to the target, check, rename over it (atomic)
  # Any failing step (disk full, chown refused, copy differs) leaves the target untouched, removes the copy,
  # returns 1 and says why in INSTALL_ERROR.
  local src=$1 dest=$2 tmp want err
  tmp="$(dirname "$dest")/.pftw-$ID-$(basename "$dest")"
  want=$(sha "$src")
  # Backdated by 3 s: the rename is atomic, so Postfix's pause for just-edited files (postfix check, reload)
  # would only cost time (docs/decisions/0036-backdated-mtime.md)
  # install(1): copy, owner, group and mode in one process
  if ! err=$(install -o "$3" -g "$4" -m "$5" -- "$src" "$tmp" 2>&1 \
      && touch -d '-3 seconds' -- "$tmp" 2>&1 && { sync -- "$tmp" 2>/dev/null || sync; }); then
    rm -f -- "$tmp"; INSTALL_ERROR="$dest: $(oneline "$err")"; return 1
  fi
  if [ "$(sha "$tmp")" != "$want" ]; then
    rm -f -- "$tmp"; INSTALL_ERROR="$dest: the copy written next to it differs from $src (disk full?)"; return 1
  fi
  if ! err=$(mv -f -- "$tmp" "$dest" 2>&1); then
    rm -f -- "$tmp"; INSTALL_ERROR="$dest: $(oneline "$err")"; return 1
  fi
  return 0
}

write_target() { # path [link]: where new content for path goes; a symbolic link is kept and written through
  local path=$1 link=${2:-}
  if [ -n "$link" ] && [ "$(link_of "$path")" != "$link" ]; then
    rm -f -- "$path" && ln -s -- "$link" "$path" || return 1
  fi
  if [ -L "$path" ]; then readlink -e -- "$path" || return 1; else printf '%s\n' "$path"; fi
}

unchanged() { # path sha uid gid mode link: the path is exactly as recorded (content, owner, mode, link)
  [ "$(link_of "$1")" = "$6" ] && [ "$(sha "$1")" = "$2" ] && [ "$(file_meta "$1" 2>/dev/null)" = "$3	$4	$5" ]
}

backup_maps() { # the map files postmap made for tls_policy, so a rollback puts back exactly those
  local path name
  : >"$JOB/maps"; mkdir -p "$JOB/backup/maps"
  while IFS= read -r path; do
    name=$(basename "$path")
    if [ -f "$path" ]; then
      cp -p -- "$path" "$JOB/backup/maps/$name" || return 1
      printf '%s\t%s\tyes\t%s\t%s\n' "$name" "$path" "$(sha "$path")" "$(file_meta "$path")" >>"$JOB/maps"
    else
      printf '%s\t%s\tno\tabsent\t-\t-\t-\n' "$name" "$path" >>"$JOB/maps"
    fi
  done < <(map_files "$CONF/tls_policy")
}

restore_maps() { # list dir: map files that existed return byte for byte, the others are removed
  local name path present sum uid gid mode ok=0
  while IFS=$'\t' read -r name path present sum uid gid mode; do
    if [ "$present" = yes ]; then
      unchanged "$path" "$sum" "$uid" "$gid" "$mode" "" && continue
      install_file "$2/$name" "$path" "$uid" "$gid" "$mode" || { RESTORE_ERRORS="$RESTORE_ERRORS; $INSTALL_ERROR"; ok=1; }
    else
      rm -f -- "$path" || { RESTORE_ERRORS="$RESTORE_ERRORS; cannot remove $path"; ok=1; }
    fi
  done <"$1"
  return $ok
}

restore_from() { # job directory whose backup/manifest to restore (files, links, maps); returns 1 on any error
  local src=$1 name path present sum owner group mode link dest ok=0
  RESTORE_ERRORS=""
  while IFS=$'\t' read -r name path present sum owner group mode link; do
    if [ "$present" = yes ]; then
      # files the job never got to (or that are back already) stay as they are: nothing to write, nothing to fail
      if ! unchanged "$path" "$sum" "$owner" "$group" "$mode" "${link:-}"; then
        if ! dest=$(write_target "$path" "${link:-}"); then
          RESTORE_ERRORS="$RESTORE_ERRORS; cannot recreate the link $path -> ${link:-}"; ok=1
        elif ! install_file "$src/backup/$name" "$dest" "$owner" "$group" "$mode"; then
          RESTORE_ERRORS="$RESTORE_ERRORS; $INSTALL_ERROR"; ok=1
        fi
      fi
    else
      rm -f -- "$path" || { RESTORE_ERRORS="$RESTORE_ERRORS; cannot remove $path"; ok=1; }
    fi
    [ "$name" = tls_policy ] || continue
    if [ -f "$src/maps" ]; then
      restore_maps "$src/maps" "$src/backup/maps" || ok=1
    elif [ "$present" = yes ]; then # a job from an older apply.sh did not back up the maps: rebuild
      postmap -c "$CONF" "$DBTYPE:$path" </dev/null >/dev/null 2>&1 || { RESTORE_ERRORS="$RESTORE_ERRORS; postmap $path failed"; ok=1; }
    else
      map_files "$path" | xargs rm -f
    fi
  done <"$src/manifest"
  return $ok
}

# What "postfix status" answers, without its two shells and postconf runs: master -t exits 0 when no master holds
# the master.pid lock; a held lock counts when the process it names is alive.
master_running() {
  local line name daemon="" queue="" pid=""
  while IFS= read -r line; do
    name=${line%% =*}; line=${line#"$name ="}; line=${line# }
    case "$name" in daemon_directory) daemon=$line ;; queue_directory) queue=$line ;; esac
  done < <(postconf -c "$CONF" daemon_directory queue_directory 2>/dev/null </dev/null)
  [ -n "$daemon" ] && [ -n "$queue" ] || { postfix -c "$CONF" status >/dev/null 2>&1 </dev/null; return; }
  "$daemon/master" -c "$CONF" -t </dev/null >/dev/null 2>&1 && return 1
  read -r pid <"$queue/pid/master.pid" 2>/dev/null
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

health() {
  local services line name port host wrapper ok banner deadline interfaces seen
  master_running || { HEALTH_ERROR="the Postfix master process is not running"; return 1; }
  # -x: inet_interfaces may name other parameters ("$myhostname, localhost", postconf(5))
  interfaces=$(postconf -c "$CONF" -xh inet_interfaces 2>/dev/null </dev/null | tr ',' ' ' | awk '{print $1}')
  case "$interfaces" in all|loopback-only|"") interfaces=127.0.0.1 ;; esac
  services=$(postconf -c "$CONF" -M 2>/dev/null </dev/null | awk '$2 == "inet" && $8 == "smtpd" { print $1, (index($0, "smtpd_tls_wrappermode=yes") ? "tls" : "plain") }')
  while read -r name wrapper; do
    [ -n "$name" ] || continue
    case "$name" in *:*) host=${name%:*}; port=${name##*:} ;; *) host=$interfaces; port=$name ;; esac
    host=${host#[}; host=${host%]}
    case "$port" in *[!0-9]*) port=$(getent services "$port/tcp" | awk '{ split($2, a, "/"); print a[1] }') ;; esac
    [ -n "$port" ] || continue
    deadline=$((SECONDS + 15)); ok=1; seen="nothing listens"
    while [ $SECONDS -lt $deadline ]; do
      if [ "$wrapper" = tls ]; then
        timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' health "$host" "$port" 2>/dev/null && { ok=0; break; }
      else
        # the port can accept while master(8) hangs: only the greeting counts, and the message says which it was
        if banner=$(timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2" || exit 7; head -c 4 <&3' health "$host" "$port" 2>/dev/null); then
          [ "$banner" = "220 " ] && { ok=0; break; }
          seen="the port accepts connections but the greeting was not 220 (${banner//[^0-9A-Za-z ]/?})"
        elif [ $? -ne 7 ]; then
          seen="the port accepts connections but Postfix never greets"
        fi
      fi
      sleep 0.1
    done
    if [ $ok -ne 0 ]; then HEALTH_ERROR="nothing answers like Postfix on $host:$port (service $name): $seen"; return 1; fi
    CHECKED="$CHECKED $host:$port"
  done <<<"$services"
  return 0
}

# Whether "postfix check" can fail because of this job (decision 0070). postfix-script's check-fatal creates
# missing queue directories, requires master.cf, and the postlog service when maillog_file is set (validation
# already requires that), then runs postsuper over the queue; check-warn only warns (about owners and modes of the
# queue, data and config directories). What a job changes reaches it only through the directory, owner and group
# parameters postfix(1) hands to the script, so it runs when main.cf changes one of them (or a value it cannot
# follow, with a $reference), and for a mail stack, whose own start is what applies the files. Exit 0: run it;
# 1: not needed, and why is printed.
check_needed() {
  [ -z "$STACK" ] || return 0
  grep -q "^main\.cf	" "$JOB/plan" || { echo "main.cf is unchanged"; return 1; }
  local before after
  before=$(check_parameters "$JOB/backup/main.cf") after=$(check_parameters "$JOB/new/main.cf")
  [ "$before" = "$after" ] || return 0
  case "$after" in *'$'*) return 0 ;; esac
  echo "main.cf changes none of the directory, owner and group parameters it checks"
  return 1
}

check_parameters() { # the check's parameters as set in a main.cf, one logical line each (continuations joined)
  [ -f "$1" ] || return 0
  awk 'function out() { if (line ~ /^(queue|command|daemon|data|meta|shlib|config|mail_spool|sample|readme|html|manpage)_directory[ \t]*=|^(mail_owner|setgid_group|maillog_file|sendmail_path|newaliases_path|mailq_path|import_environment)[ \t]*=/) print line; line = "" }
    /^[ \t]*(#|$)/ { next }
    /^[ \t]/ { line = line " " $0; next }
    { out(); line = $0 }
    END { out() }' "$1" | sort
}

undo() { # failed step and reason: restore this job's backup, reload, report
  local step=$1 reason=$2 extra=""
  progress rollback start "restoring the backup taken before $step failed"
  if restore_from "$JOB"; then
    if out=$(postfix -c "$CONF" reload 2>&1 </dev/null); then
      HEALTH_ERROR=""; CHECKED=""
      health || extra=" (after restoring: $HEALTH_ERROR)"
    else
      extra=" (reload after restoring failed too; Postfix keeps running with the configuration it had loaded)"
    fi
    progress rollback ok "live files restored byte for byte$extra"
    set_state rolled-back
    finish rolled-back "$step" "$reason$extra"
  else
    progress rollback fail "could not restore every file from $JOB/backup:${RESTORE_ERRORS#;}"
    set_state rollback-failed
    finish rollback-failed "$step" "$reason; restoring the backup ALSO FAILED (${RESTORE_ERRORS#; }): restore by hand from $JOB/backup (owner, group and mode of each file are in $JOB/manifest)"
  fi
}

recover_interrupted() { # a job left in "committing" (its process was killed) is undone before anything else
  local other state
  for other in "$INSTANCE"/deploys/*/; do
    other=${other%/}
    [ "$other" = "$JOB" ] && continue
    state=""; read -r state <"$other/state" 2>/dev/null # a builtin: this runs over every job ever made
    [ "$state" = committing ] || continue
    progress recover start "job $(basename "$other") was interrupted during its commit; restoring its backup"
    if restore_from "$other"; then
      postfix -c "$CONF" reload >/dev/null 2>&1 </dev/null
      printf 'rolled-back\n' >"$other/state"
      printf 'rolled-back\trecover\tinterrupted during commit; restored by job %s\n' "$ID" >"$other/result"
      progress recover ok "restored the files of job $(basename "$other")"
    else
      progress recover fail "could not restore job $(basename "$other") from $other/backup:${RESTORE_ERRORS#;}"
      return 1
    fi
  done
  return 0
}

# ---------------------------------------------------------------- the transaction
cmd_commit() {
  load_job "$1"
  trap '' HUP INT PIPE
  local name action expected owner group mode path live out
  exec 9>>"$INSTANCE/lock"
  progress lock start "waiting for $INSTANCE/lock"
  if ! flock -w "${PFTW_LOCK_WAIT:-5}" 9; then
    progress lock fail "another deploy holds the lock"
    set_state refused
    finish refused lock "another deploy or rollback is running on this server (lock $INSTANCE/lock); nothing was changed"
    return 1
  fi
  progress lock ok "lock held"
  recover_interrupted || { set_state refused; finish refused recover "an earlier interrupted job could not be restored; nothing was changed"; return 1; }

  progress check-live start "comparing the live files with what was planned against"
  while IFS=$'\t' read -r name action expected owner group mode; do
    path=$(target_path "$name")
    live=$(sha "$path")
    if [ "$live" != "$expected" ]; then
      progress check-live fail "$path changed since the plan was made"
      set_state refused
      finish refused check-live "$path changed since the plan was made (someone edited it); nothing was changed, plan again"
      return 1
    fi
    if [ -L "$path" ] && [ ! -e "$path" ]; then
      progress check-live fail "$path is a symbolic link to a missing file"
      set_state refused
      finish refused check-live "$path is a symbolic link to $(link_of "$path"), which does not exist; nothing was changed"
      return 1
    fi
  done <"$JOB/plan"
  progress check-live ok "live files are as planned against"

  progress backup start "copying the live files to $JOB/backup"
  mkdir -p "$JOB/backup"; : >"$JOB/manifest.tmp"
  while IFS=$'\t' read -r name action expected owner group mode; do
    path=$(target_path "$name")
    if [ -f "$path" ]; then
      cp -p "$path" "$JOB/backup/$name" || { finish failed backup "cannot copy $path"; set_state failed; return 1; }
      # owner and mode of what the path resolves to (a link's own are meaningless) and the link itself
      printf '%s\t%s\tyes\t%s\t%s\t%s\n' "$name" "$path" "$(sha "$path")" "$(file_meta "$path")" "$(link_of "$path")" >>"$JOB/manifest.tmp"
    else
      printf '%s\t%s\tno\tabsent\t-\t-\t-\t%s\n' "$name" "$path" "$(link_of "$path")" >>"$JOB/manifest.tmp"
    fi
    if [ "$name" = tls_policy ]; then
      backup_maps || { finish failed backup "cannot copy the map files of $path"; set_state failed; return 1; }
    fi
  done <"$JOB/plan"
  sync "$JOB/backup" 2>/dev/null; mv -f "$JOB/manifest.tmp" "$JOB/manifest"
  progress backup ok "$(wc -l <"$JOB/manifest") files backed up with hashes, owners and modes"

  VALIDATION_ERROR=""
  progress validate start "validating the staged files again, under the lock, if anything they depend on changed"
  if [ -f "$JOB/validated" ] && [ "$(fingerprint_inputs "$JOB/validated-files")" = "$(cat "$JOB/validated")" ]; then
    progress validate ok "the live files, certificate, key and Postfix programs are byte for byte the ones validated before the lock (SHA-256): the verdict stands"
  elif ! validate; then
    progress validate fail "$VALIDATION_ERROR"
    set_state failed
    finish failed validate "$VALIDATION_ERROR; nothing was changed"
    return 1
  else
    progress validate ok "the new files are valid"
  fi

  set_state committing
  progress swap start "renaming the new files into place"
  local link dest
  while IFS=$'\t' read -r name action expected owner group mode link; do
    path=$(target_path "$name")
    if [ "$action" = delete ]; then
      rm -f "$path"; [ "$name" = tls_policy ] && map_files "$path" | xargs rm -f
      continue
    fi
    if [ -n "${owner:-}" ] && [ "$owner" != - ]; then :
    elif [ -e "$path" ]; then read -r owner group mode <<<"$(file_meta "$path")"
    else owner=0; group=0; mode=644; fi
    # a symbolic link (configuration management) stays a link: the new content goes to the file it names
    if ! dest=$(write_target "$path" "${link:-}"); then
      progress swap fail "cannot resolve the symbolic link $path"
      undo swap "cannot resolve the symbolic link $path"; return 1
    fi
    if ! install_file "$JOB/new/$name" "$dest" "$owner" "$group" "$mode"; then
      progress swap fail "cannot install $INSTALL_ERROR"
      undo swap "cannot install $INSTALL_ERROR"; return 1
    fi
  done <"$JOB/plan"
  progress swap ok "new files in place"

  if grep -q "^tls_policy	write" "$JOB/plan"; then
    progress postmap start "postmap $DBTYPE:$CONF/tls_policy"
    if ! out=$(postmap -c "$CONF" "$DBTYPE:$CONF/tls_policy" 2>&1 </dev/null); then
      progress postmap fail "$out"; undo postmap "postmap failed: $out"; return 1
    fi
    progress postmap ok "map rebuilt"
  fi
  if [ -f "$JOB/restore-maps" ]; then # a rollback: the map files as they were before the deploy it undoes
    RESTORE_ERRORS=""
    progress maps start "restoring the tls_policy map files from the backup"
    if ! restore_maps "$JOB/restore-maps" "$JOB/new/maps"; then
      progress maps fail "${RESTORE_ERRORS#; }"; undo maps "cannot restore the map files: ${RESTORE_ERRORS#; }"; return 1
    fi
    progress maps ok "map files restored"
  fi

  progress check start "postfix check, if this change can make it fail"
  if ! why=$(check_needed); then
    progress check ok "postfix check not needed: $why"
  elif ! out=$(postfix -c "$CONF" check 2>&1 </dev/null) || printf '%s' "$out" | grep -q 'fatal'; then
    progress check fail "$out"; undo check "postfix check failed: $out"; return 1
  else
    progress check ok "postfix check passed"
  fi

  if [ -n "$STACK" ]; then
    # decision 0064: the stack applies its override files when it restarts its Postfix container; reloading now
    # would apply half of the change (master.cf) or nothing at all
    progress reload ok "not reloaded: $STACK applies the override files when it restarts its Postfix container ($RESTART)"
  else
  progress reload start "postfix reload"
  if ! out=$(postfix -c "$CONF" reload 2>&1 </dev/null); then
    rc=$?; out=$(printf '%s' "$out" | tail -n1); [ -n "$out" ] || out="exit status $rc, see the mail log"
    progress reload fail "$out"; undo reload "postfix reload failed ($out)"; return 1
  fi
  progress reload ok "reloaded"
  fi

  progress health start "checking that master runs and every smtpd port answers"
  HEALTH_ERROR=""; CHECKED=""
  if ! health; then
    progress health fail "$HEALTH_ERROR"; undo health "health check failed: $HEALTH_ERROR"; return 1
  fi
  progress health ok "master running; answering:$CHECKED"
  set_state committed
  if [ -n "$STACK" ]; then
    finish committed written "written, not applied yet: Postfix runs its previous settings until $STACK restarts its Postfix container ($RESTART)"
  else
    finish committed done "deployed"
  fi
  return 0
}

cmd_start() {
  load_job "$1"
  # setsid: own session, no controlling terminal, stdio detached: the commit outlives this SSH session
  local seen=0 line
  while IFS= read -r line; do seen=$((seen + 1)); done <"$PROGRESS"
  setsid -f bash "$JOB/apply.sh" commit "$JOB" </dev/null >"$JOB/commit.log" 2>&1
  cmd_follow "$JOB" 600 "$seen"
}

# Polls with builtins only (an open descriptor that keeps its offset, read -t as the pause): a process per
# poll would compete for the CPU with the commit it follows.
cmd_follow() {
  load_job "$1"
  local limit=${2:-600} skip=${3:-0} deadline line="" part pause result
  deadline=$((SECONDS + limit))
  exec 4<"$PROGRESS" || return 2
  exec {pause}<> <(:)
  while :; do
    # every complete line written so far; a line still being written waits for its end
    while IFS= read -r part <&4; do
      line=$line$part
      if [ "$skip" -gt 0 ]; then skip=$((skip - 1)); else printf 'PROGRESS\t%s\n' "$line"; fi
      line=""
    done
    line=$line$part
    if [ -f "$JOB/result" ]; then
      # the result is written after the last progress line: read what came in between, then report
      while IFS= read -r part <&4; do
        line=$line$part
        if [ "$skip" -gt 0 ]; then skip=$((skip - 1)); else printf 'PROGRESS\t%s\n' "$line"; fi
        line=""
      done
      IFS= read -r -d '' result <"$JOB/result"
      printf 'RESULT\t%s\n' "${result%$'\n'}"
      return 0
    fi
    [ $SECONDS -lt $deadline ] || { printf 'TIMEOUT\n'; return 3; }
    read -r -t 0.05 -u "$pause" _ || :
  done
}

# The commit for a person at the server: the offline bundle's install.sh and the Ansible role's rollback.sh share
# it. A job whose validation failed is refused (the reason on stderr); otherwise each step prints as
# "[status] step: message" and the outcome stays in JOB/result (status TAB step TAB message) for the caller's
# own last words. Exit 0 committed, 1 not.
cmd_run() {
  load_job "$1"
  local step status message verdict="" kind a b c result=""
  while IFS=$'\t' read -r step status message; do
    [ "$step" = validate ] && verdict="$status	$message"
  done <"$PROGRESS"
  case "$verdict" in ok*) ;; *) echo "REFUSED, nothing was changed: ${verdict#*	}" >&2; return 1 ;; esac
  while IFS=$'\t' read -r kind a b c; do
    [ "$kind" = PROGRESS ] && printf '[%s] %s: %s\n' "$b" "$a" "$c"
  done < <(cmd_start "$JOB")
  read -r result _ <"$JOB/result" 2>/dev/null
  [ "$result" = committed ]
}

cmd_history() { # one base64 run per file (no subshells): the history grows with every job
  # NEWEST (optional) prints only the newest jobs (ids sort by time) and says so first: a rollback needs only the
  # end of a long history, and every job costs five process starts here.
  local instance=$1 newest=${2:-} d f dirs
  [ -d "$instance/deploys" ] || exit 0
  dirs=("$instance"/deploys/*/)
  case "$newest" in ''|*[!0-9]*) ;; *)
    if [ "$newest" -gt 0 ] && [ "${#dirs[@]}" -gt "$newest" ]; then
      dirs=("${dirs[@]: -$newest}")
      printf 'truncated\teWVz\n'  # base64 of "yes"
    fi ;;
  esac
  for d in "${dirs[@]}"; do
    d=${d%/}
    [ -f "$d/job" ] || continue
    for f in job state result manifest plan; do
      printf '%s\t' "$f"
      [ ! -f "$d/$f" ] || base64 -w0 <"$d/$f"
      printf '\n'
    done
  done
}

cmd_rollback_job() { # INSTANCE TARGET_ID JOB ID CREATED CLIENT UPLOAD apply.sh=SHA256
  local instance=$1 target="$1/deploys/$2" job=$3 name path present sum owner group mode conf dbtype
  case "$8" in apply.sh=*) ;; *) echo "rollback-job needs apply.sh=SHA256" >&2; exit 2 ;; esac
  new_job_directory "$job"
  receive "$7" "$job" "$8" || exit 2
  [ -f "$target/manifest" ] || { echo "no deploy $2 with a backup on this server" >&2; exit 2; }
  [ "$(cat "$target/state" 2>/dev/null)" = committed ] || { echo "deploy $2 was not committed; there is nothing to undo" >&2; exit 2; }
  conf=$(job_value "$target" config_dir); dbtype=$(job_value "$target" db_type)
  mkdir -p "$job/new"
  printf 'id=%s\nkind=rollback\nconfig_dir=%s\ndb_type=%s\ncreated=%s\nclient=%s\nrollback_of=%s\n' \
    "$4" "$conf" "$dbtype" "$5" "$6" "$2" >"$job/job"
  # a stack deploy's override files: restored where they were, and the stack applies them at its next start
  grep -E '^(stack|restart|path\.[A-Za-z0-9._-]+)=' "$target/job" >>"$job/job"
  : >"$job/plan"
  local link
  while IFS=$'\t' read -r name path present sum owner group mode link; do
    if [ "$present" = yes ]; then
      cp -p "$target/backup/$name" "$job/new/$name"
      printf '%s\twrite\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(sha "$path")" "$owner" "$group" "$mode" "${link:-}" >>"$job/plan"
    else
      printf '%s\tdelete\t%s\t-\t-\t-\n' "$name" "$(sha "$path")" >>"$job/plan"
    fi
  done <"$target/manifest"
  if [ -f "$target/maps" ]; then
    mkdir -p "$job/new/maps" && cp -a "$target/backup/maps/." "$job/new/maps/" && cp "$target/maps" "$job/restore-maps" \
      || { echo "cannot copy the map files of deploy $2" >&2; exit 2; }
  fi
  : >"$job/progress"
  cmd_validate "$job"
  set_state prepared
  PARTIAL_JOB=""
}

case "${1:-}" in
  prepare) shift; cmd_prepare "$@" ;;
  validate) cmd_validate "$2" ;;
  start) cmd_start "$2" ;;
  commit) cmd_commit "$2" ;;
  follow) cmd_follow "$2" "${3:-600}" "${4:-0}" ;;
  run) cmd_run "$2" ;;
  history) cmd_history "$2" "${3:-}" ;;
  rollback-job) cmd_rollback_job "$2" "$3" "$4" "$5" "$6" "$7" "${8:-}" "${9:-}" ;;
  *) echo "usage: apply.sh prepare|validate|start|commit|follow|run|history|rollback-job ..." >&2; exit 2 ;;
esac
