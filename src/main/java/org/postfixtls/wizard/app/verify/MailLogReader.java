package org.postfixtls.wizard.app.verify;

/** The recent end of the server's mail log (a file, or the journal), as text. */
public interface MailLogReader {

    /** At most the last {@code maxBytes} of the log; a cut first line is dropped. */
    String tail(int maxBytes) throws ServerCommandException;
}
