package org.postfixtls.wizard.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Follows the desktop's light/dark preference at start (JavaFX 21 has no API for it, so ask the
 * platform's own tools) and lets the user switch. {@code PFTW_THEME=light|dark} overrides both.
 */
public final class ThemeManager {

    private final ObjectProperty<Theme> theme;

    public ThemeManager(Theme initial) {
        theme = new SimpleObjectProperty<>(this, "theme", initial);
        theme.addListener((observable, old, now) -> apply());
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public void toggle() {
        theme.set(theme.get().other());
    }

    /** Must run on the FX thread. */
    public void apply() {
        Application.setUserAgentStylesheet(theme.get().userAgentStylesheet());
    }

    /** Blocking (starts a process on some platforms): call it off the FX thread, e.g. in Application.init(). */
    public static Theme detectSystemTheme() {
        String override = System.getenv("PFTW_THEME");
        if (override != null && !override.isBlank()) {
            return "dark".equalsIgnoreCase(override.trim()) ? Theme.DARK : Theme.LIGHT;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return ask(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).toLowerCase(Locale.ROOT).contains("dark")
                    ? Theme.DARK : Theme.LIGHT;
        }
        if (os.contains("win")) {
            String answer = ask(List.of("reg", "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v", "AppsUseLightTheme"));
            return answer.contains("0x0") ? Theme.DARK : Theme.LIGHT;
        }
        String gtkTheme = System.getenv("GTK_THEME");
        if (gtkTheme != null && gtkTheme.toLowerCase(Locale.ROOT).contains("dark")) {
            return Theme.DARK;
        }
        return ask(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")).contains("prefer-dark")
                ? Theme.DARK : Theme.LIGHT;
    }

    /** Runs a short platform query; any failure (tool missing, slow, odd output) means "no preference". */
    private static String ask(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            try (InputStream in = process.getInputStream()) {
                return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
