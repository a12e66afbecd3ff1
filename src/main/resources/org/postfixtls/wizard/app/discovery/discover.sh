# Postfix TLS Wizard: discovery. Run as root: bash -s -- CONFIG_DIR|'' [dnssec]
# Read-only. Prints one "key<TAB>base64(value)" line per fact; keys may repeat (cert.*).
#
# Every process this script starts costs a fork and an exec, which is what makes it slow on a busy or small
# server (tens of milliseconds each under load): facts are queued in bash and encoded by one awk at the end,
# Postfix's parameters come from one postconf run, files are encoded by base64 directly.
set -u
CONF="${1:-}"
CHECK_DNSSEC="${2:-}"
export LC_ALL=C
KEYS=() VALUES=()
# emit KEY VALUE: queued, base64-encoded at exit; a value holding the queue's separators is encoded right away
emit() {
  KEYS+=("$1")
  case "$2" in *[$'\036\037']*) VALUES+=("=$(printf '%s' "$2" | base64 -w0)") ;; *) VALUES+=("-$2") ;; esac
}
emitfile() { [ -f "$2" ] && { KEYS+=("$1"); VALUES+=("=$(head -c 4194304 -- "$2" | base64 -w0)"); }; }
flush() {
  local i
  for i in "${!KEYS[@]}"; do printf '%s\037%s\036' "${KEYS[$i]}" "${VALUES[$i]}"; done | awk '
    BEGIN { RS = "\036"; FS = "\037"; A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
            for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
    function b64(s,   out, i, n, a, b, c) {
      n = length(s); out = ""
      for (i = 1; i <= n; i += 3) {
        a = ord[substr(s, i, 1)]; b = i + 1 <= n ? ord[substr(s, i + 1, 1)] : 0; c = i + 2 <= n ? ord[substr(s, i + 2, 1)] : 0
        out = out substr(A, int(a / 4) + 1, 1) substr(A, (a % 4) * 16 + int(b / 16) + 1, 1) \
          (i + 1 <= n ? substr(A, (b % 16) * 4 + int(c / 64) + 1, 1) : "=") (i + 2 <= n ? substr(A, c % 64 + 1, 1) : "=")
      }
      return out
    }
    $1 != "" { v = substr($0, length($1) + 3); printf "%s\t%s\n", $1, (substr($0, length($1) + 2, 1) == "=" ? v : b64(v)) }'
  KEYS=() VALUES=()
}
trap flush EXIT
if ! command -v postconf >/dev/null 2>&1; then emit error "postconf was not found: Postfix is not installed (or not in root's PATH)"; exit 3; fi
[ -n "$CONF" ] || CONF=$(postconf -h config_directory 2>/dev/null)
if [ ! -f "$CONF/main.cf" ]; then emit error "$CONF/main.cf does not exist: not a Postfix configuration directory"; exit 4; fi
# Only the PEM CERTIFICATE blocks of a file's first 256 KB: smtpd_tls_chain_files entries and combined
# key+certificate files hold the private key too, which never leaves this server.
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
# Every parameter this script needs from one postconf run ("name = value" lines; an unknown name is only a
# warning on stderr and prints no line): each postconf start reads main.cf, master.cf and the built-in defaults,
# which costs tens of milliseconds on a stock install, and this script used to start it twenty-five times.
PARAMS="mail_version daemon_directory default_database_type myhostname mydomain smtpd_sasl_type smtpd_sasl_path
  queue_directory smtpd_tls_cert_file smtpd_tls_key_file smtpd_tls_chain_files smtp_tls_cert_file smtp_tls_policy_maps
  inet_interfaces smtpd_tls_security_level smtp_tls_security_level compatibility_level tls_config_file
  tls_eecdh_auto_curves"
declare -A P
while IFS= read -r line; do
  name=${line%% =*}; value=${line#"$name ="}; P[$name]=${value# }
done < <(postconf -c "$CONF" $PARAMS 2>/dev/null </dev/null)
emit config_directory "$CONF"
emit mail_version "${P[mail_version]-}"
# "openssl version -v -d": the version line, then OPENSSLDIR
ossl=$(openssl version -v -d 2>/dev/null </dev/null)
emit openssl_version "$(printf '%s\n' "$ossl" | head -n1)"
# The CLI may differ from the library Postfix uses: the libssl smtpd links says at least its major version.
daemon_dir=${P[daemon_directory]-}
emit libssl "$(ldd "$daemon_dir/smtpd" 2>/dev/null </dev/null | awk '/libssl\.so/ { print $1; exit }')"
# TLSRPT (Postfix 3.10+): linked libtlsrpt, or smtp.c's "TLSRPT is not compiled in" text in a build without it
if [ -f "$daemon_dir/smtp" ]; then
  if ldd "$daemon_dir/smtp" 2>/dev/null </dev/null | grep -q libtlsrpt; then emit tlsrpt yes
  elif grep -q 'TLSRPT is not compiled in' "$daemon_dir/smtp" 2>/dev/null; then emit tlsrpt no
  else emit tlsrpt unknown; fi
fi
# System-wide OpenSSL settings that also apply to Postfix while tls_config_file = default (postconf(5))
cnf="$(printf '%s\n' "$ossl" | sed -n 's/^OPENSSLDIR: "\(.*\)"$/\1/p')/openssl.cnf"
if [ -f "$cnf" ]; then
  emit openssl_cnf "$cnf"
  emit openssl_cnf_settings "$(grep -E -i '^[[:space:]]*(MinProtocol|CipherString)[[:space:]]*=' "$cnf" 2>/dev/null | head -10)"
fi
[ -f /etc/crypto-policies/config ] && emit crypto_policy "$(grep -v '^[[:space:]]*#' /etc/crypto-policies/config | head -1)"
for p in default_database_type myhostname mydomain smtpd_sasl_type smtpd_sasl_path queue_directory \
         smtpd_tls_cert_file smtpd_tls_key_file smtpd_tls_chain_files smtp_tls_cert_file smtp_tls_policy_maps \
         inet_interfaces smtpd_tls_security_level smtp_tls_security_level compatibility_level tls_config_file \
         tls_eecdh_auto_curves; do
  emit "param.$p" "${P[$p]-}"
done
emitfile main.cf "$CONF/main.cf"
emitfile master.cf "$CONF/master.cf"
emitfile tls_policy "$CONF/tls_policy"
# SASL: dovecot's path is a socket, relative to the queue directory unless absolute
sasl_type=${P[smtpd_sasl_type]-}; sasl_path=${P[smtpd_sasl_path]-}
if [ "$sasl_type" = dovecot ] && [ -n "$sasl_path" ]; then
  case "$sasl_path" in
    inet:*) emit sasl.socket "$sasl_path"; emit sasl.socket_exists unknown ;;
    /*) emit sasl.socket "$sasl_path"; [ -S "$sasl_path" ] && emit sasl.socket_exists yes || emit sasl.socket_exists no ;;
    *) s="${P[queue_directory]-}/${sasl_path#unix:}"; emit sasl.socket "$s"; [ -S "$s" ] && emit sasl.socket_exists yes || emit sasl.socket_exists no ;;
  esac
fi
# how Postfix runs
# "postfix status" is master -t behind two shells and a postconf (a quarter second on a busy server): ask master -t
# (exit 0: the master.pid lock is free, so no master runs) and confirm a held lock with the PID it names
master_pid=""
if ! "$daemon_dir/master" -c "$CONF" -t </dev/null >/dev/null 2>&1; then
  read -r master_pid <"${P[queue_directory]-/var/spool/postfix}/pid/master.pid" 2>/dev/null
fi
if [ -n "$master_pid" ] && kill -0 "$master_pid" 2>/dev/null; then emit master_running yes; else emit master_running no; fi
if [ -d /run/systemd/system ] && systemctl is-active --quiet postfix 2>/dev/null </dev/null; then emit service_manager systemd; else emit service_manager postfix; fi
# candidate certificates
cands=""
add() { case " $cands " in *" $1:"*) ;; *) [ -f "$1" ] && cands="$cands $1:$2" ;; esac; }
for f in /etc/letsencrypt/live/*/fullchain.pem; do add "$f" letsencrypt; done
for p in smtpd_tls_cert_file smtp_tls_cert_file; do v=${P[$p]-}; [ -n "$v" ] && add "$v" main.cf; done
chain=${P[smtpd_tls_chain_files]-}
for v in ${chain//,/ }; do add "$v" main.cf; done
files=()
for f in "$CONF"/*.pem "$CONF"/*.crt /etc/postfix/*.pem /etc/postfix/*.crt /etc/postfix/tls/*.pem /etc/postfix/tls/*.crt /etc/ssl/*.pem /etc/ssl/certs/*.pem; do
  [ -L "$f" ] && continue
  [ -f "$f" ] || continue
  case "$f" in */ca-certificates.crt) continue ;; esac
  files+=("$f")
done
# one grep for every file (in the same order): the files holding a certificate
if [ ${#files[@]} -gt 0 ]; then
  while IFS= read -r f; do add "$f" directory; done < <(grep -l -- '-----BEGIN CERTIFICATE-----' "${files[@]}" 2>/dev/null </dev/null)
fi
n=0
for c in $cands; do
  n=$((n+1)); [ $n -gt 40 ] && break
  path=${c%:*}; src=${c##*:}
  emit cert.path "$path"; emit cert.source "$src"
  emit cert.meta "$(stat -L -c '%U %G %a' -- "$path" 2>/dev/null)"
  KEYS+=(cert.pem); VALUES+=("=$(certs_only "$path" | base64 -w0)")
done
emit cert.end ""
# DNSSEC: does the first resolver set the AD bit on a signed answer?
if [ "$CHECK_DNSSEC" = dnssec ]; then
  ns=$(awk '/^nameserver/ { print $2; exit }' /etc/resolv.conf 2>/dev/null)
  emit dnssec.resolver "$ns"
  if ! command -v dig >/dev/null 2>&1; then emit dnssec.status unknown; emit dnssec.detail "dig is not installed (apt install bind9-dnsutils)";
  else
    out=$(dig +time=2 +tries=1 +dnssec +noall +comments . SOA 2>&1 </dev/null)
    if printf '%s' "$out" | grep -q 'status: NOERROR'; then
      if printf '%s' "$out" | grep -Eq 'flags:[a-z ]* ad[ ;]'; then emit dnssec.status validating; emit dnssec.detail "the resolver $ns sets the AD bit";
      else emit dnssec.status not-validating; emit dnssec.detail "the resolver $ns answers without the AD bit: it does not validate DNSSEC"; fi
    else emit dnssec.status unknown; emit dnssec.detail "no DNS answer from $ns: $(printf '%s' "$out" | grep -m1 -E 'timed out|status|error')"; fi
  fi
fi
# mail stacks whose own scripts rewrite main.cf/master.cf (StackDetector.MARKER_FILES; mailcow's checkout on the host)
for f in /opt/postfix/conf/extra.cf /overrides/postfix.cf /tmp/docker-mailserver /etc/dms-settings /etc/mailinabox.conf \
         /usr/local/bin/mailinabox /etc/iredmail-release "$CONF/../../../mailcow.conf"; do
  [ -e "$f" ] && emit stack.marker "$f"
done
# their override files (plan.StackRedirect writes into them; stack.StackLayout names them)
for f in "$CONF/extra.cf" /tmp/docker-mailserver/postfix-main.cf /tmp/docker-mailserver/postfix-master.cf \
         /overrides/postfix.cf /overrides/postfix.master; do
  [ -f "$f" ] && { emit stack.file "$f"; emitfile stack.content "$f"; }
done
exit 0
