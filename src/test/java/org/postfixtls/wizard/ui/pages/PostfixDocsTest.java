package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/** Every Postfix parameter a page names has its postconf(5) section in the one table; links point at postfix.org. */
class PostfixDocsTest {

    /** A Postfix parameter as pages write it: smtp_…, smtpd_…, lmtp_…, tls_…, plus the wizard's tls_policy table. */
    private static final Pattern PARAMETER = Pattern.compile("\\b(?:smtpd?|lmtp|tls)_[a-z0-9_]*[a-z0-9]\\b");

    @Test
    void everyParameterNamedInAPageHasADocumentationSection() throws IOException {
        Set<String> named = parametersInPageTexts();
        assertTrue(named.containsAll(Set.of("smtp_tls_security_level", "smtpd_tls_auth_only", "smtp_dns_support_level")),
                "the scan finds what the pages say: " + named);
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(PostfixDocs.keys());
        assertEquals(Set.of(), missing, "add these to PostfixDocs");
    }

    @Test
    void sectionsArePostfixOrgAnchorsOfTheirParameterOrTopic() {
        PostfixDocs.Section level = PostfixDocs.of("smtp_tls_security_level");
        assertEquals("https://www.postfix.org/postconf.5.html#smtp_tls_security_level", level.url());
        assertEquals("postconf(5): smtp_tls_security_level", level.label());
        assertEquals("https://www.postfix.org/TLS_README.html#client_tls_fprint",
                PostfixDocs.of(PostfixDocs.levelKey(TlsLevel.FINGERPRINT)).url());
        assertEquals("https://www.postfix.org/master.5.html", PostfixDocs.of("master.cf").url());
        for (TlsLevel each : TlsLevel.values()) {
            assertTrue(PostfixDocs.of(PostfixDocs.levelKey(each)).url().matches(
                    "https://www\\.postfix\\.org/TLS_README\\.html#client_tls_[a-z]+"), each.name());
        }
        for (String key : PostfixDocs.keys()) {
            assertTrue(PostfixDocs.of(key).url().startsWith(PostfixDocs.SITE), key);
        }
        assertThrows(IllegalArgumentException.class, () -> PostfixDocs.of("smtpd_tls_nonsense"));
    }

    /** The parameter names in the string literals of ui.pages: what pages show, not what comments mention. */
    private static Set<String> parametersInPageTexts() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/postfixtls/wizard/ui/pages"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Set<String> found = new TreeSet<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, null, List.of("-proc:none"), null,
                    files.getJavaFileObjectsFromPaths(sources));
            for (var unit : task.parse()) {
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void visitLiteral(LiteralTree literal, Void unused) {
                        if (literal.getKind() == Tree.Kind.STRING_LITERAL) {
                            Matcher m = PARAMETER.matcher((String) literal.getValue());
                            while (m.find()) {
                                found.add(m.group());
                            }
                        }
                        return null;
                    }
                }.scan(unit, null);
            }
        }
        return found;
    }
}
