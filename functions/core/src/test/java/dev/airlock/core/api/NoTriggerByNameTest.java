package dev.airlock.core.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No layer decides what triggers a function by its name: each maps the {@link Trigger.Kind} of its
 * {@link Catalogue} entry. Scans the main sources of every module for comparisons with a function
 * name; the only place a name may select something is the app's {@code FunctionFactory}, which maps a
 * name to its use case and adapter (the one entry a new function adds there).
 */
class NoTriggerByNameTest {

    private static final String NAMES = "(?:Routes\\.[A-Z_]+|\"(?:request|list|approve|sign|expire)\")";
    private static final Pattern NAME_CHECK = Pattern.compile(
            NAMES + "\\s*\\.equals(?:IgnoreCase)?\\(|\\.equals(?:IgnoreCase)?\\(\\s*" + NAMES + "\\s*\\)|case\\s+" + NAMES + "\\b");
    private static final String ALLOWED = "functions/app/src/main/java/dev/airlock/app/wiring/FunctionFactory.java";

    @Test
    void noMainSourceComparesAFunctionName() throws IOException {
        Path root = repositoryRoot();
        List<String> found = new ArrayList<>();
        List<Path> sources = mainSources(root);
        for (Path source : sources) {
            String relative = root.relativize(source).toString().replace('\\', '/');
            if (relative.equals(ALLOWED)) {
                continue;
            }
            Matcher matcher = NAME_CHECK.matcher(Files.readString(source));
            while (matcher.find()) {
                found.add(relative + ": " + matcher.group());
            }
        }
        assertThat(sources).as("sources scanned").hasSizeGreaterThan(100);
        assertThat(found).isEmpty();
    }

    @Test
    void thePatternSeesTheOldNameChecks() {
        assertThat(NAME_CHECK.matcher("if (Routes.EXPIRE.equals(name)) {").find()).isTrue();
        assertThat(NAME_CHECK.matcher("case Routes.EXPIRE -> x;").find()).isTrue();
        assertThat(NAME_CHECK.matcher("name.equals(\"expire\")").find()).isTrue();
        assertThat(NAME_CHECK.matcher("switch (Catalogue.of(name).kind()) {").find()).isFalse();
    }

    private static List<Path> mainSources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .toList();
        }
    }

    /** functions/core runs its tests in its own directory: the repository is two levels up. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("functions")) && Files.isDirectory(p.resolve("infra"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + here);
    }
}
