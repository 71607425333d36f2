package dev.airlock.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A private, verified copy of a build output: other builds on a shared machine may rewrite
 * {@code target/} while the bench runs, so each zip is copied once, read through completely (every
 * entry's CRC checked) and used from the copy; a torn copy is retried.
 */
public final class ZipSnapshot {

    private static final int ATTEMPTS = 10;
    private static final long RETRY_MILLIS = 3_000;

    private ZipSnapshot() {
    }

    public static Path of(Path zip, Path directory) {
        Path copy = directory.resolve(zip.getFileName());
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                Files.createDirectories(directory);
                Files.copy(zip, copy, StandardCopyOption.REPLACE_EXISTING);
                verify(copy);
                return copy;
            } catch (IOException e) {
                last = e;
                sleep();
            }
        }
        throw new UncheckedIOException("no complete copy of " + zip + " after " + ATTEMPTS
                + " attempts (is another build rewriting it? build it with scripts/bench)", last);
    }

    private static void verify(Path zip) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                try (InputStream in = file.getInputStream(entries.nextElement())) {
                    while (in.read(buffer) >= 0) {
                        // reading to the end makes ZipFile check the entry's CRC
                    }
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
