package org.postfixtls.wizard.domain.verify;

/** The record types the verification asks for. */
public enum DnsQueryType {
    MX, TLSA, TXT
}
