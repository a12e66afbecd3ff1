package org.postfixtls.wizard.app.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.config.plan.OpensslVersion;
import org.postfixtls.wizard.domain.config.plan.TlsRuntime;

class RuntimeFactsTest {

    @Test
    void theLibraryVersionWinsOverTheCommandsOwn() {
        TlsRuntime r = RuntimeFacts.of("OpenSSL 3.5.0 8 Apr 2025 (Library: OpenSSL 3.5.1 1 Jul 2025)", "libssl.so.3",
                "yes", "", "", "");
        assertEquals("3.5.1", r.openssl().toString());
        assertTrue(r.openssl().atLeast(3, 5));
        assertEquals(TlsRuntime.Support.YES, r.tlsrpt());
        assertTrue(r.opensslEvidence().contains("libssl.so.3"), r.opensslEvidence());
    }

    @Test
    void aCommandOfAnotherMajorThanTheLinkedLibraryIsNotBelieved() {
        // e.g. a locally built openssl 3 in PATH while Postfix links Debian 11's libssl1.1
        TlsRuntime r = RuntimeFacts.of("OpenSSL 3.2.1 30 Jan 2024", "libssl.so.1.1", "unknown", "", "", "");
        assertEquals(1, r.openssl().major());
        assertFalse(r.openssl().knowsMinor());
        assertFalse(r.openssl().atLeast(1, 1), "1.x without its minor version: not claimed");
        assertEquals(TlsRuntime.Support.UNKNOWN, r.tlsrpt());
    }

    @Test
    void nothingKnownStaysUnknown() {
        TlsRuntime r = RuntimeFacts.of("", "", null, "", "", "");
        assertNull(r.openssl());
        assertEquals("an unknown OpenSSL release", r.describeOpenssl());
        assertNull(r.systemPolicy());
    }

    @Test
    void strictSystemSettingsAreFoundAndNamed() {
        assertEquals("/usr/lib/ssl/openssl.cnf: MinProtocol = TLSv1.2", RuntimeFacts.strictSetting(
                "/usr/lib/ssl/openssl.cnf", "MinProtocol = TLSv1.2\nCipherString = DEFAULT@SECLEVEL=2", ""));
        assertEquals("/etc/ssl/openssl.cnf: CipherString = DEFAULT:@SECLEVEL=2", RuntimeFacts.strictSetting(
                "/etc/ssl/openssl.cnf", "CipherString = DEFAULT:@SECLEVEL=2", ""));
        assertNull(RuntimeFacts.strictSetting("/etc/ssl/openssl.cnf", "MinProtocol = TLSv1\nCipherString ="
                + " DEFAULT@SECLEVEL=1", ""));
        assertTrue(RuntimeFacts.strictSetting("", "", "FUTURE").contains("FUTURE"));
        assertTrue(RuntimeFacts.strictSetting("", "", "DEFAULT:NO-SHA1").contains("DEFAULT:NO-SHA1"));
        assertNull(RuntimeFacts.strictSetting("", "", "LEGACY"));
    }

    @Test
    void opensslReleasesAreReadAsPostfixNeedsThem() {
        OpensslVersion v = OpensslVersion.parse("OpenSSL 1.1.1b  26 Feb 2019").orElseThrow();
        assertTrue(v.canChooseConfigFile(), "postconf(5) tls_config_file: OpenSSL 1.1.1b or later");
        assertFalse(OpensslVersion.parse("OpenSSL 1.1.1a  20 Nov 2018").orElseThrow().canChooseConfigFile());
        assertFalse(OpensslVersion.parse("OpenSSL 1.1.1").orElseThrow().canChooseConfigFile());
        assertTrue(OpensslVersion.parse("OpenSSL 3.0.2 15 Mar 2022").orElseThrow().canChooseConfigFile());
        assertTrue(OpensslVersion.parse("LibreSSL 3.8.2").isEmpty(), "LibreSSL is not OpenSSL");
        assertFalse(OpensslVersion.parse("OpenSSL 3.4.0").orElseThrow().atLeast(3, 5));
        assertTrue(OpensslVersion.parse("OpenSSL 4.0.0").orElseThrow().atLeast(3, 5));
    }
}
