package dev.airlock.bench.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Lambda deployment zip unpacked the way the Java runtime sees it ({@code /var/task}: classes at the
 * root, libraries in {@code lib/}), plus the one change AppCDS needs: HotSpot refuses to archive with a
 * non-empty directory on the class path ("Cannot have non-empty directory in paths"), so the CDS
 * variant runs the root classes from {@code app.jar} instead of the directory.
 */
public final class LambdaTask {

    private final Path root;
    private final Optional<Path> appJar;

    private LambdaTask(Path root, Optional<Path> appJar) {
        this.root = root;
        this.appJar = appJar;
    }

    /**
     * Unpacks {@code zip} into {@code directory}/task and, when the zip has classes or resources at its
     * root, jars them into {@code directory}/app.jar.
     */
    public static LambdaTask unpack(Path zip, Path directory) {
        try {
            Path root = directory.resolve("task");
            deleteRecursively(directory);
            Files.createDirectories(root.resolve("lib"));
            Path appJar = directory.resolve("app.jar");
            boolean rootEntries = false;
            try (ZipFile file = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    extract(file, entry, root);
                    rootEntries |= !entry.getName().startsWith("lib/") && !entry.isDirectory();
                }
                if (rootEntries) {
                    jarRootEntries(file, appJar);
                }
            }
            return new LambdaTask(root, rootEntries ? Optional.of(appJar) : Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    /** {@code /var/task:/var/task/lib/*}, as the Lambda Java runtime builds it, then {@code extra}. */
    public String lambdaClassPath(Path extra) {
        return String.join(java.io.File.pathSeparator, root.toString(), root.resolve("lib") + "/*", extra.toString());
    }

    /** The same classes with the root ones (if any) in {@code app.jar}: only jars, as AppCDS requires. */
    public String jarClassPath(Path extra) {
        List<String> entries = new ArrayList<>();
        appJar.ifPresent(jar -> entries.add(jar.toString()));
        entries.add(root.resolve("lib") + "/*");
        entries.add(extra.toString());
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** The library jar names under {@code lib/}, sorted. */
    public List<String> libraries() {
        try (var files = Files.list(root.resolve("lib"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void extract(ZipFile file, ZipEntry entry, Path root) throws IOException {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("zip entry outside the task directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            return;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = file.getInputStream(entry)) {
            Files.copy(in, target);
        }
    }

    private static void jarRootEntries(ZipFile file, Path appJar) throws IOException {
        try (JarOutputStream app = new JarOutputStream(Files.newOutputStream(appJar))) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith("lib/") && !entry.isDirectory()) {
                    copyInto(file, entry, app);
                }
            }
        }
    }

    private static void copyInto(ZipFile file, ZipEntry entry, JarOutputStream jar) throws IOException {
        jar.putNextEntry(new JarEntry(entry.getName()));
        try (InputStream in = file.getInputStream(entry)) {
            in.transferTo(jar);
        }
        jar.closeEntry();
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(directory)) {
            walk.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Files.delete(paths.get(i));
        }
    }

    /** Writes {@code bytes} to {@code file}. */
    static void write(Path file, byte[] bytes) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
