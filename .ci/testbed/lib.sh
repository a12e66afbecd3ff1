# shellcheck shell=bash
# Shared variables and helpers for the Postfix TLS Wizard test bed.
# Sourced by .ci/testbed/up, down and reset. See docs/testbed.md.

TB_SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TB_BASELINE="$TB_SCRIPT_DIR/baseline"

# ---- layout ---------------------------------------------------------------
TB_STATE="${PFTW_TESTBED_DIR:-/var/lib/pftw-testbed}"
TB_STATE="${TB_STATE%/}"
TB_PROPS="${PFTW_TESTBED:-$TB_STATE/testbed.properties}"

TB_CONF="$TB_STATE/postfix"          # Postfix config_directory (main.cf, master.cf)
TB_QUEUE="$TB_STATE/spool"           # Postfix queue_directory
TB_DATA="$TB_STATE/data"             # Postfix data_directory
TB_TLS="$TB_STATE/tls"               # test CA, leaf, snakeoil
TB_CLIENT="$TB_STATE/client"         # ssh client keys + known_hosts for the tests
TB_SSHD="$TB_STATE/sshd"             # sshd_config, host keys, authorized_keys/
TB_DOVECOT="$TB_STATE/dovecot"       # dovecot.conf, users (passwd-file), state
TB_RUN="$TB_STATE/run"               # pid files, dovecot base_dir
TB_LOG="$TB_STATE/log"               # maillog, dovecot.log, sshd.log
TB_VMAIL="$TB_STATE/vmail"           # virtual mailboxes (Maildir)
TB_SECRETS="$TB_STATE/secrets"       # generated passwords (0700)

TB_MAILLOG="$TB_LOG/maillog"

# Second, isolated Postfix instance ("b") for the fleet tests: own config, queue and data directories and log,
# the same port numbers on its own loopback address, SASL through the first instance's Dovecot socket.
TB_B_HOST=127.0.0.2
TB_B_CONF="$TB_STATE/postfix-b"
TB_B_QUEUE="$TB_STATE/spool-b"
TB_B_DATA="$TB_STATE/data-b"
TB_B_MAILLOG="$TB_LOG/maillog-b"
TB_SSHD_PID="$TB_RUN/sshd.pid"
TB_DOVECOT_BASE="$TB_RUN/dovecot"

# ---- network --------------------------------------------------------------
TB_HOST=127.0.0.1
TB_SMTP_PORT=2525
TB_SUBMISSION_PORT=2587
TB_SUBMISSIONS_PORT=2465
TB_SSH_PORT=2222

# ---- identities -----------------------------------------------------------
TB_MYHOSTNAME=mail.testbed.example
TB_MYDOMAIN=testbed.example
TB_SASL_USER="testuser@testbed.example"
TB_DEPLOY_USER=pftw-deploy
TB_SUDOPW_USER=pftw-sudopw
TB_SUDOCACHE_USER=pftw-sudocache     # sudo with a password and sudo's default credential caching
# The caching user's password ends in a shell command that creates this file: a password that reaches a root
# shell as a command line leaves the file behind (tests assert that it never appears).
TB_PWNED_MARKER=/tmp/pftw-testbed-pwned-by-sudo-password
TB_VMAIL_USER=pftw-vmail
TB_SUDOERS=/etc/sudoers.d/pftw-testbed

# ---- helpers --------------------------------------------------------------
tb_log()  { printf '[testbed] %s\n' "$*" >&2; }
tb_die()  { printf '[testbed] ERROR: %s\n' "$*" >&2; exit 1; }

tb_require_root() {
  [ "$(id -u)" -eq 0 ] || tb_die "must run as root (try: sudo $0)"
}

# Is something listening on <port> (any address), or, with a second argument, on <address>:<port>?
tb_port_listening() {
  if [ -n "${2:-}" ]; then
    ss -H -ltn "sport = :$1" 2>/dev/null | awk '{print $4}' | grep -qxF "$2:$1"
  else
    ss -H -ltn "sport = :$1" 2>/dev/null | grep -q .
  fi
}

# Wait (up to $2 tenths of a second) until port $1 is in state $3 (open|closed), on address $4 (default: any).
tb_wait_port() {
  local port=$1 tenths=$2 want=$3 addr=${4:-} i
  for ((i = 0; i < tenths; i++)); do
    if tb_port_listening "$port" "$addr"; then
      [ "$want" = open ] && return 0
    else
      [ "$want" = closed ] && return 0
    fi
    sleep 0.1
  done
  return 1
}

# Replace @PLACEHOLDERS@ of a template. Usage: tb_render <template> <dest> [mode]
tb_render() {
  local src=$1 dst=$2 mode=${3:-0644} tmp vuid vgid
  vuid="$(id -u "$TB_VMAIL_USER" 2>/dev/null || echo 65534)"
  vgid="$(id -g "$TB_VMAIL_USER" 2>/dev/null || echo 65534)"
  tmp="$(mktemp "${dst}.XXXXXX")"
  sed -e "s|@VMAIL_UID@|$vuid|g" -e "s|@VMAIL_GID@|$vgid|g" \
      -e "s|@STATE@|$TB_STATE|g" \
      -e "s|@CONF@|$TB_CONF|g" \
      -e "s|@QUEUE@|$TB_QUEUE|g" \
      -e "s|@DATA@|$TB_DATA|g" \
      -e "s|@TLS@|$TB_TLS|g" \
      -e "s|@LOG@|$TB_LOG|g" \
      -e "s|@RUN@|$TB_RUN|g" \
      -e "s|@SSHD@|$TB_SSHD|g" \
      -e "s|@DOVECOT@|$TB_DOVECOT|g" \
      -e "s|@DOVECOT_BASE@|$TB_DOVECOT_BASE|g" \
      -e "s|@VMAIL@|$TB_VMAIL|g" \
      -e "s|@MAILLOG@|$TB_MAILLOG|g" \
      -e "s|@SSHD_PID@|$TB_SSHD_PID|g" \
      -e "s|@MYHOSTNAME@|$TB_MYHOSTNAME|g" \
      -e "s|@MYDOMAIN@|$TB_MYDOMAIN|g" \
      -e "s|@SMTP_PORT@|$TB_SMTP_PORT|g" \
      -e "s|@SUBMISSION_PORT@|$TB_SUBMISSION_PORT|g" \
      -e "s|@SUBMISSIONS_PORT@|$TB_SUBMISSIONS_PORT|g" \
      -e "s|@SSH_PORT@|$TB_SSH_PORT|g" \
      -e "s|@HOST@|$TB_HOST|g" \
      -e "s|@DEPLOY_USER@|$TB_DEPLOY_USER|g" \
      -e "s|@SUDOPW_USER@|$TB_SUDOPW_USER|g" \
      -e "s|@SUDOCACHE_USER@|$TB_SUDOCACHE_USER|g" \
      -e "s|@VMAIL_USER@|$TB_VMAIL_USER|g" \
      -e "s|@SASL_USER@|$TB_SASL_USER|g" \
      "$src" >"$tmp"
  chmod "$mode" "$tmp"
  mv -f "$tmp" "$dst"
}

# Write the baseline Postfix config into $TB_CONF (wiping whatever a deploy left there).
tb_write_postfix_baseline() {
  mkdir -p "$TB_CONF"
  chown root:root "$TB_CONF"
  chmod 0755 "$TB_CONF"
  find "$TB_CONF" -mindepth 1 -delete
  tb_render "$TB_BASELINE/main.cf.in" "$TB_CONF/main.cf"
  tb_render "$TB_BASELINE/master.cf.in" "$TB_CONF/master.cf"
  tb_render "$TB_BASELINE/vmailbox.in" "$TB_CONF/vmailbox"
  # postfix(1) sleeps until main.cf/master.cf are at least a second or so old
  # before it reloads (mtime race protection): backdate them so reset stays fast.
  # Safe here: the reload that follows restarts every daemon anyway.
  touch -d "@$(($(date +%s) - 3))" "$TB_CONF/main.cf" "$TB_CONF/master.cf" "$TB_CONF/vmailbox"
}

# The baseline of the second instance: the same templates with its own directories, then its own address and
# the first instance's SASL socket (absolute path: the queue directories differ).
tb_write_postfix_b_baseline() {
  mkdir -p "$TB_B_CONF"
  chown root:root "$TB_B_CONF"
  chmod 0755 "$TB_B_CONF"
  find "$TB_B_CONF" -mindepth 1 -delete
  (
    TB_CONF=$TB_B_CONF TB_QUEUE=$TB_B_QUEUE TB_DATA=$TB_B_DATA TB_MAILLOG=$TB_B_MAILLOG
    tb_render "$TB_BASELINE/main.cf.in" "$TB_B_CONF/main.cf"
    tb_render "$TB_BASELINE/master.cf.in" "$TB_B_CONF/master.cf"
    tb_render "$TB_BASELINE/vmailbox.in" "$TB_B_CONF/vmailbox"
  )
  sed -i -e "s|^inet_interfaces = .*|inet_interfaces = $TB_B_HOST|" \
    -e "s|^smtpd_sasl_path = private/auth\$|smtpd_sasl_path = $TB_QUEUE/private/auth|" "$TB_B_CONF/main.cf"
  touch -d "@$(($(date +%s) - 3))" "$TB_B_CONF/main.cf" "$TB_B_CONF/master.cf" "$TB_B_CONF/vmailbox"
  tb_postfix_b_fingerprint >"$TB_RUN/postfix-b.baseline"
}

# Names and contents of everything in the second instance's config directory (reset skips an unchanged one).
tb_postfix_b_fingerprint() {
  (cd "$TB_B_CONF" 2>/dev/null && find . -mindepth 1 -printf '%p %y\n' | sort && cat main.cf master.cf vmailbox 2>/dev/null) \
    | sha256sum | cut -d' ' -f1
}

# Reset the second instance to its baseline (when a test changed it) and make sure it runs and listens.
tb_reset_postfix_b() {
  local reloaded=0 pid port
  [ -d "$TB_B_QUEUE" ] || return 0
  if [ "$(tb_postfix_b_fingerprint)" != "$(cat "$TB_RUN/postfix-b.baseline" 2>/dev/null)" ]; then
    tb_write_postfix_b_baseline
    if tb_postfix_b_running && timeout 10 postfix -c "$TB_B_CONF" reload </dev/null >/dev/null 2>&1; then
      reloaded=1
    fi
  elif tb_postfix_b_running; then
    reloaded=1
  fi
  if [ $reloaded -eq 0 ]; then
    if pid="$(tb_pid_alive "$TB_B_QUEUE/pid/master.pid")" && grep -qx master "/proc/$pid/comm" 2>/dev/null; then
      tb_stop_pidfile "$TB_B_QUEUE/pid/master.pid" "Postfix master (instance b)"
    fi
    timeout 30 postfix -c "$TB_B_CONF" start </dev/null >/dev/null 2>&1 || tb_die "postfix start failed for $TB_B_CONF"
  fi
  tb_wait_port "$TB_SMTP_PORT" 30 open "$TB_B_HOST" || tb_die "$TB_B_HOST:$TB_SMTP_PORT did not open after reset"
  for port in $TB_SUBMISSION_PORT $TB_SUBMISSIONS_PORT; do
    tb_wait_port "$port" 30 closed "$TB_B_HOST" || tb_die "$TB_B_HOST:$port still open after reset"
  done
}

# Is the second instance's master(8) running?
tb_postfix_b_running() {
  local pid
  pid="$(tb_pid_alive "$TB_B_QUEUE/pid/master.pid")" || return 1
  grep -qx master "/proc/$pid/comm" 2>/dev/null
}

# Is the instance's master(8) running? Checked via its pid file and NOT with
# "postfix status": every postfix(1) command logs through the postlog socket (see
# tb_tune_dgram_qlen), and a test-bed check should not add to that traffic.
tb_postfix_running() {
  local pid
  pid="$(tb_pid_alive "$TB_QUEUE/pid/master.pid")" || return 1
  grep -qx master "/proc/$pid/comm" 2>/dev/null
}

# With maillog_file, all Postfix programs log via datagrams to the postlog
# socket, served by postlogd(8), which master(8) spawns on demand. Linux's default
# queue length for unix datagram sockets is only 10 (systemd raises it to 512 via
# sysctl.d/50-default.conf, plain containers don't): after a "postfix reload"
# the queue fills before the new postlogd runs, writers block, and once master(8)
# itself blocks while logging it can no longer spawn postlogd: the instance hangs.
# The value is read when a socket is created, so this must run before master starts.
tb_tune_dgram_qlen() {
  local f=/proc/sys/net/unix/max_dgram_qlen cur
  [ -r "$f" ] || return 0
  cur="$(cat "$f")"
  if [ "$cur" -lt 512 ]; then
    if echo 512 >"$f" 2>/dev/null; then
      tb_log "raised net.unix.max_dgram_qlen from $cur to 512 (systemd's default)"
    else
      tb_log "WARNING: net.unix.max_dgram_qlen is $cur and cannot be raised; postfix reload may hang"
    fi
  fi
}

# A listening port proves little: the kernel queues connections for a master(8) that hangs (seen in CI: after a
# reload the instance logged nothing more and port 2525 accepted but never greeted). Ask for the SMTP greeting.
tb_smtp_greets() { # port
  [ "$(timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"; head -c 4 <&3' greet "$1" 2>/dev/null)" = "220 " ]
}

tb_wait_greeting() { # port seconds
  local deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    tb_smtp_greets "$1" && return 0
    sleep 0.2
  done
  return 1
}

# Keep what a hang looked like (process states and what they wait in, the postlog socket's queue), so the next
# one can be understood instead of only survived. Prints the file's path.
tb_record_hang() { # why
  local f
  f="$TB_LOG/hang-$(date -u +%Y%m%dT%H%M%SZ).txt"
  {
    echo "# $1"
    echo "max_dgram_qlen: $(cat /proc/sys/net/unix/max_dgram_qlen 2>/dev/null)"
    ps -eo pid,ppid,stat,wchan:32,etimes,args 2>/dev/null | grep -E 'postfix|postlog|master|smtpd|postscreen|qmgr|pickup|anvil|tlsmgr|proxymap' | grep -v grep
    echo "# unix sockets of the instance"
    ss -xa 2>/dev/null | grep -E "$TB_QUEUE|public/|private/" | head -60
    echo "# last maillog lines"
    tail -n 40 "$TB_MAILLOG" 2>/dev/null
  } >"$f" 2>&1
  echo "$f"
}

# Kill a hung instance: master(8) and every process it started (they would otherwise keep ports and sockets).
tb_kill_instance() {
  local pid
  pid="$(tb_pid_alive "$TB_QUEUE/pid/master.pid")" || return 0
  pkill -KILL -P "$pid" 2>/dev/null || true
  kill -KILL "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do tb_proc_alive "$pid" || break; sleep 0.1; done
  rm -f "$TB_QUEUE/pid/master.pid"
}

# Run a daemon without the descriptors this shell inherited: `flock LOCK .ci/testbed/up` hands the lock's descriptor
# down, and a daemon that keeps it (Dovecot does) holds the test-bed lock for as long as it runs.
tb_exec_clean() { # cmd...
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-"
    done
    exec "$@"
  )
}

# pid from a pid file, only if that process is alive
tb_pid_alive() {
  local f=$1 pid
  [ -s "$f" ] || return 1
  pid="$(tr -dc 0-9 <"$f")"
  [ -n "$pid" ] && tb_proc_alive "$pid" && echo "$pid"
}

# An exited daemon whose parent (e.g. a PID 1 that does not reap orphans) never
# waited for it stays a zombie: that counts as dead.
tb_proc_alive() {
  kill -0 "$1" 2>/dev/null || return 1
  [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]
}

# Stop a process given by pid file: TERM, wait up to 5 s, then KILL.
tb_stop_pidfile() {
  local f=$1 name=$2 pid i
  pid="$(tb_pid_alive "$f")" || { rm -f "$f"; return 0; }
  tb_log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    tb_proc_alive "$pid" || { rm -f "$f"; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$f"
}

tb_secret() { # tb_secret <name>: print secret, generating it on first use
  local f="$TB_SECRETS/$1"
  if [ ! -s "$f" ]; then
    mkdir -p "$TB_SECRETS"
    chmod 0700 "$TB_SECRETS"
    (umask 077; LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 24 >"$f")
  fi
  cat "$f"
}

# tb_ecdsa_leaf <tls dir> <dir with int.key> <host name> [label]: an ECDSA P-256 leaf from the bed's intermediate CA
# beside the RSA one (ecdsa-privkey.pem, ecdsa-cert.pem, ecdsa-fullchain.pem), for the dual RSA+ECDSA certificate
# tests. Generated only when missing, so an existing bed keeps every file it has (and its caches stay valid).
tb_ecdsa_leaf() {
  local d=$1 ca=$2 name=$3 label=${4:-} w
  [ -s "$d/ecdsa-fullchain.pem" ] && [ -s "$d/ecdsa-privkey.pem" ] && [ -s "$d/ecdsa-cert.pem" ] && return 0
  [ -s "$ca/int.key" ] && [ -s "$d/chain.pem" ] || tb_die "${label}no intermediate CA in $ca to sign an ECDSA leaf"
  tb_log "${label}generating an ECDSA leaf from the bed's CA in $d"
  w="$(mktemp -d)"
  (
    set -e
    cd "$w"
    umask 077
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -keyout ecdsa-privkey.pem \
      -out leaf.csr -subj "/CN=$name" 2>/dev/null
    printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:%s,DNS:localhost,IP:127.0.0.1\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' "$name" >leaf.ext
    openssl x509 -req -in leaf.csr -CA "$d/chain.pem" -CAkey "$ca/int.key" -CAserial leaf.srl -CAcreateserial -sha256 -days 825 \
      -extfile leaf.ext -out ecdsa-cert.pem 2>/dev/null
    cat ecdsa-cert.pem "$d/chain.pem" >ecdsa-fullchain.pem
    openssl verify -CAfile "$d/ca.pem" -untrusted "$d/chain.pem" ecdsa-cert.pem >/dev/null
  ) || { rm -rf "$w"; tb_die "${label}ECDSA leaf generation failed"; }
  install -m 0644 "$w/ecdsa-cert.pem" "$w/ecdsa-fullchain.pem" "$d/"
  install -m 0600 "$w/ecdsa-privkey.pem" "$d/"
  rm -rf "$w"
}
