#!/usr/bin/env python3
"""Builds the demo server's mail log (src/main/resources/.../workspace/demo/mail.log) for the readiness panel.

Every line is one of the formats Postfix 3.7.11 wrote on the test bed (see the fixtures in
src/test/resources/org/postfixtls/wizard/domain/readiness/), with the demo's destinations filled in:
big providers with trusted certificates, a partner bank, a supplier whose server has no STARTTLS, an old
appliance with a self-signed certificate, a small ISP with one MX without STARTTLS, a host that never answers.
Deterministic (seeded), so the committed file is reproducible: python3 make_demo_maillog.py > mail.log
"""
import random

random.seed(17)
TLS = ("Dec {d:02d} {t} mail postfix/smtp[{pid}]: {grade} TLS connection established to {host}[{ip}]:25: "
       "{proto} with cipher {cipher} ({bits}/{bits} bits) key-exchange X25519 server-signature {sig} "
       "server-digest SHA256")
SENT = ("Dec {d:02d} {t} mail postfix/smtp[{pid}]: {qid}: to=<{user}@{domain}>, relay={host}[{ip}]:25, "
        "delay={delay}, delays=0.02/0.01/{c}/{x}, dsn=2.0.0, status=sent (250 2.0.0 OK {reply})")
DEFERRED = ("Dec {d:02d} {t} mail postfix/smtp[{pid}]: {qid}: to=<{user}@{domain}>, relay=none, delay=30, "
            "delays=0.01/0/30/0, dsn=4.4.1, status=deferred (connect to {host}[{ip}]:25: Connection timed out)")
QMGR = "Dec {d:02d} {t} mail postfix/qmgr[812]: {qid}: from=<{user}@example.com>, size={size}, nrcpt=1 (queue active)"
REMOVED = "Dec {d:02d} {t} mail postfix/qmgr[812]: {qid}: removed"

# domain, mx, ip, messages, posture list (grade or None for plaintext), protocol, cipher, signature
DESTINATIONS = [
    ("gmail.com", "gmail-smtp-in.l.google.com", "142.250.27.26", 140, ["Trusted"], "TLSv1.3",
     "TLS_AES_256_GCM_SHA384", "ECDSA (P-256)"),
    ("outlook.com", "outlook-com.olc.protection.outlook.com", "52.101.68.18", 90, ["Trusted"], "TLSv1.2",
     "ECDHE-RSA-AES256-GCM-SHA384", "RSA-PSS (2048 bits)"),
    ("partner-bank.example", "mx1.partner-bank.example", "198.51.100.25", 35, ["Trusted"], "TLSv1.3",
     "TLS_AES_256_GCM_SHA384", "RSA-PSS (4096 bits)"),
    ("legacy-partner.example", "mail.legacy-partner.example", "203.0.113.40", 22, ["Untrusted"], "TLSv1.2",
     "ECDHE-RSA-AES128-GCM-SHA256", "RSA-PSS (2048 bits)"),
    ("supplier-old.example", "smtp.supplier-old.example", "192.0.2.77", 18, [None], None, None, None),
    ("small-isp.example", "mx.small-isp.example", "198.51.100.90", 12, ["Trusted"] * 4 + [None], "TLSv1.2",
     "ECDHE-RSA-AES256-GCM-SHA384", "RSA-PSS (2048 bits)"),
    ("printer-vendor.example", "mail.printer-vendor.example", "203.0.113.9", 6, ["Anonymous"], "TLSv1.2",
     "ECDHE-RSA-AES256-GCM-SHA384", "RSA-PSS (2048 bits)"),
]

events = []
for domain, mx, ip, count, postures, proto, cipher, sig in DESTINATIONS:
    for i in range(count):
        events.append((random.randrange(14 * 86400), domain, mx, ip, random.choice(postures), proto, cipher, sig))
events.append((13 * 86400, "gone-away.example", "mx.gone-away.example", "192.0.2.200", "deferred", None, None, None))
events.sort()
pid = 20000
for offset, domain, mx, ip, posture, proto, cipher, sig in events:
    day = 18 + offset // 86400
    t = "%02d:%02d:%02d" % (offset // 3600 % 24, offset // 60 % 60, offset % 60)
    qid = "%011X" % random.getrandbits(44)
    user = random.choice(["info", "sales", "j.doe", "accounts", "support"])
    pid += random.randrange(1, 40)
    fields = dict(d=day, t=t, pid=pid, qid=qid, user=user, domain=domain, host=mx, ip=ip,
                  size=random.randrange(2000, 90000))
    print(QMGR.format(**fields))
    if posture == "deferred":
        print(DEFERRED.format(**fields))
        continue
    if posture is not None:
        print(TLS.format(grade=posture, proto=proto, cipher=cipher, bits=256 if "256" in cipher else 128, sig=sig,
                         **fields))
    print(SENT.format(delay="%.2f" % random.uniform(0.2, 2.5), c="%.2f" % random.uniform(0.05, 0.4),
                      x="%.2f" % random.uniform(0.05, 1.5), reply="%d-%s" % (random.randrange(10**9), qid), **fields))
    print(REMOVED.format(**fields))
