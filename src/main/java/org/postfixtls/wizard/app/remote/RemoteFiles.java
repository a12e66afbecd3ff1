package org.postfixtls.wizard.app.remote;

/**
 * File transfer on the job's SSH session (SFTP), as the login user (not root): used to hand files to a
 * root-run step through a directory only the login user can read.
 */
public interface RemoteFiles {

    /** The login user's home directory on the server. */
    String home();

    /** Creates a directory readable only by the login user (mode 0700). */
    void createPrivateDirectory(String path);

    /** Writes {@code content} to {@code path} (mode 0600), replacing an existing file. */
    void write(String path, byte[] content);

    /**
     * Deletes a file or a whole directory tree of the login user; links inside are removed, not followed. A path
     * that does not exist is not an error.
     */
    void delete(String path);
}
