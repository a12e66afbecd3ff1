# Postfix TLS Wizard: discovery. Run as root: bash -s -- CONFIG_DIR|'' [dnssec]
# Read-only. Prints one "key<TAB>base64(value)" line per fact; keys may repeat (cert.*).
set -u
CONF="${1:-}"
CHECK_DNSSEC="${2:-}"
export LC_ALL=C
b64() { base64 -w0; }
emit() { printf '%s\t%s\n' "$1" "$(printf '%s' "$2" | b64)"; }
emitfile() { [ -f "$2" ] && printf '%s\t%s\n' "$1" "$(head -c 4194304 "$2" | b64)"; }
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
pc() { postconf -c "$CONF" -h "$1" 2>/dev/null </dev/null; }
emit config_directory "$CONF"
emit mail_version "$(pc mail_version)"
emit openssl_version "$(openssl version 2>/dev/null </dev/null)"
# The CLI may differ from the library Postfix uses: the libssl smtpd links says at least its major version.
daemon_dir=$(pc daemon_directory)
emit libssl "$(ldd "$daemon_dir/smtpd" 2>/dev/null </dev/null | awk '/libssl\.so/ { print $1; exit }')"
# TLSRPT (Postfix 3.10+): linked libtlsrpt, or smtp.c's "TLSRPT is not compiled in" text in a build without it
if [ -f "$daemon_dir/smtp" ]; then
  if ldd "$daemon_dir/smtp" 2>/dev/null </dev/null | grep -q libtlsrpt; then emit tlsrpt yes
  elif grep -q 'TLSRPT is not compiled in' "$daemon_dir/smtp" 2>/dev/null; then emit tlsrpt no
  else emit tlsrpt unknown; fi
fi
# System-wide OpenSSL settings that also apply to Postfix while tls_config_file = default (postconf(5))
cnf="$(openssl version -d 2>/dev/null </dev/null | sed -n 's/^OPENSSLDIR: "\(.*\)"$/\1/p')/openssl.cnf"
if [ -f "$cnf" ]; then
  emit openssl_cnf "$cnf"
  emit openssl_cnf_settings "$(grep -E -i '^[[:space:]]*(MinProtocol|CipherString)[[:space:]]*=' "$cnf" 2>/dev/null | head -10)"
fi
[ -f /etc/crypto-policies/config ] && emit crypto_policy "$(grep -v '^[[:space:]]*#' /etc/crypto-policies/config | head -1)"
for p in default_database_type myhostname mydomain smtpd_sasl_type smtpd_sasl_path queue_directory \
         smtpd_tls_cert_file smtpd_tls_key_file smtpd_tls_chain_files smtp_tls_cert_file smtp_tls_policy_maps \
         inet_interfaces smtpd_tls_security_level smtp_tls_security_level compatibility_level tls_config_file \
         tls_eecdh_auto_curves; do
  emit "param.$p" "$(pc $p)"
done
emitfile main.cf "$CONF/main.cf"
emitfile master.cf "$CONF/master.cf"
emitfile tls_policy "$CONF/tls_policy"
# SASL: dovecot's path is a socket, relative to the queue directory unless absolute
sasl_type=$(pc smtpd_sasl_type); sasl_path=$(pc smtpd_sasl_path)
if [ "$sasl_type" = dovecot ] && [ -n "$sasl_path" ]; then
  case "$sasl_path" in
    inet:*) emit sasl.socket "$sasl_path"; emit sasl.socket_exists unknown ;;
    /*) emit sasl.socket "$sasl_path"; [ -S "$sasl_path" ] && emit sasl.socket_exists yes || emit sasl.socket_exists no ;;
    *) s="$(pc queue_directory)/${sasl_path#unix:}"; emit sasl.socket "$s"; [ -S "$s" ] && emit sasl.socket_exists yes || emit sasl.socket_exists no ;;
  esac
fi
# how Postfix runs
if postfix -c "$CONF" status >/dev/null 2>&1 </dev/null; then emit master_running yes; else emit master_running no; fi
if [ -d /run/systemd/system ] && systemctl is-active --quiet postfix 2>/dev/null </dev/null; then emit service_manager systemd; else emit service_manager postfix; fi
# candidate certificates
cands=""
add() { case " $cands " in *" $1:"*) ;; *) [ -f "$1" ] && cands="$cands $1:$2" ;; esac; }
for f in /etc/letsencrypt/live/*/fullchain.pem; do add "$f" letsencrypt; done
for p in smtpd_tls_cert_file smtp_tls_cert_file; do v=$(pc $p); [ -n "$v" ] && add "$v" main.cf; done
for v in $(pc smtpd_tls_chain_files | tr ',' ' '); do add "$v" main.cf; done
for f in "$CONF"/*.pem "$CONF"/*.crt /etc/postfix/*.pem /etc/postfix/*.crt /etc/postfix/tls/*.pem /etc/postfix/tls/*.crt /etc/ssl/*.pem /etc/ssl/certs/*.pem; do
  [ -L "$f" ] && continue
  case "$f" in */ca-certificates.crt) continue ;; esac
  grep -q -- '-----BEGIN CERTIFICATE-----' "$f" 2>/dev/null && add "$f" directory
done
n=0
for c in $cands; do
  n=$((n+1)); [ $n -gt 40 ] && break
  path=${c%:*}; src=${c##*:}
  emit cert.path "$path"; emit cert.source "$src"
  emit cert.meta "$(stat -L -c '%U %G %a' -- "$path" 2>/dev/null)"
  printf 'cert.pem\t%s\n' "$(certs_only "$path" | b64)"
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
