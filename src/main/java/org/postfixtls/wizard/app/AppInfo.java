package org.postfixtls.wizard.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Name and version of the application, as stamped by the build. */
public final class AppInfo {

    public static final String NAME = "Postfix TLS Wizard";
    public static final String COMMAND = "postfix-tls-wizard";

    private static final String VERSION = loadVersion();

    private AppInfo() {
    }

    public static String version() {
        return VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = AppInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("The application's own version resource is unreadable", e);
        }
    }
}
