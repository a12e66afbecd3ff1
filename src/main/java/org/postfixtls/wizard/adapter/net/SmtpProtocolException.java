package org.postfixtls.wizard.adapter.net;

import java.io.IOException;

/** The server sent something that is not an SMTP reply (garbage, an overlong line, mixed codes, ...). */
final class SmtpProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    SmtpProtocolException(String message) {
        super(message);
    }
}
