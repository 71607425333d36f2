package dev.airlock.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** TEST ONLY: finds a pattern in the main sources of every module of the repository. */
public final class SourceScan {

    private SourceScan() {
    }

    /**
     * Every match of {@code pattern} as {@code path: match}, skipping the {@code allowed} paths
     * (relative to the repository root).
     */
    public static List<String> find(Pattern pattern, Set<String> allowed) {
        Path root = repositoryRoot();
        List<String> found = new ArrayList<>();
        List<Path> sources = mainSources(root);
        if (sources.size() < 100) {
            throw new IllegalStateException("only " + sources.size() + " main sources under " + root);
        }
        for (Path source : sources) {
            String relative = root.relativize(source).toString().replace('\\', '/');
            if (allowed.contains(relative)) {
                continue;
            }
            Matcher matcher = pattern.matcher(read(source));
            while (matcher.find()) {
                found.add(relative + ": " + matcher.group());
            }
        }
        return found;
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> mainSources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tests run in their module's directory: the repository root is the first parent with functions/ and infra/. */
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
