package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Thin pages: no method (constructor, or lambda inside one) in {@code ui.pages} spans more than 60 lines, from its
 * first modifier to its closing brace. The sources are parsed with the JDK's own Java parser, so comments, strings
 * and nested classes cannot fool the count.
 */
class PageMethodLengthTest {

    static final int LIMIT = 60;
    private static final Path PAGES = Path.of("src/main/java/org/postfixtls/wizard/ui/pages");

    @Test
    void noMethodInUiPagesIsLongerThanSixtyLines() throws IOException {
        List<String> tooLong = methodsLongerThan(LIMIT, sources());
        assertEquals(List.of(), tooLong, "split these into named steps");
    }

    @Test
    void theCountSeesAMethodOfSixtyOneLinesIncludingItsLambdas() throws IOException {
        Path dir = Files.createTempDirectory("method-length");
        Path sample = dir.resolve("Sample.java");
        StringBuilder source = new StringBuilder("class Sample {\n    void shortOne() {\n    }\n\n    void longOne() {\n");
        source.append("        Runnable r = () -> {\n");
        for (int i = 0; i < 57; i++) {
            source.append("            System.out.println(").append(i).append(");\n");
        }
        source.append("        };\n    }\n}\n");
        Files.writeString(sample, source);
        assertEquals(List.of("Sample.longOne: 61 lines (line 5)"), methodsLongerThan(LIMIT, List.of(sample)));
        assertTrue(methodsLongerThan(61, List.of(sample)).isEmpty(), "61 lines are within a limit of 61");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(PAGES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    static List<String> methodsLongerThan(int limit, List<Path> files) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> found = new ArrayList<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
            JavacTask task = (JavacTask) javac.getTask(null, fileManager, null, List.of("-proc:none"), null, units);
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                LineMap lines = unit.getLineMap();
                String file = Path.of(unit.getSourceFile().toUri()).getFileName().toString().replace(".java", "");
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitMethod(MethodTree method, Void unused) {
                        long first = lines.getLineNumber(positions.getStartPosition(unit, method));
                        long last = lines.getLineNumber(positions.getEndPosition(unit, method));
                        long length = last - first + 1;
                        if (length > limit) {
                            found.add(file + "." + method.getName() + ": " + length + " lines (line " + first + ")");
                        }
                        return super.visitMethod(method, unused);
                    }
                }.scan(unit, null);
            }
        }
        return found;
    }
}
