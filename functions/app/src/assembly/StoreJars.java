import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step, not part of the package. The pom runs {@code java StoreJars.java ASSEMBLED.zip DIR}
 * between the assembly and the final zip: DIR (emptied first) receives the assembled package with
 * every {@code *.jar} written again with its entries STORED; the pom then zips DIR at level 9.
 *
 * <p>Why: a jar deflates each class on its own, so the names and descriptors that a library's classes
 * share are paid for again in every class. A stored jar deflated as one zip entry has them in the
 * compressor's window, and the package shrinks by about a third. Not one byte of any class, resource
 * or manifest changes: entry names, order, contents and times are kept (checked below); only the
 * compression method differs, which neither class loading nor jar verification sees. The cost is disk:
 * the unzipped package (what Lambda puts in /var/task) grows from about 27 MB to 70 MB (limit 250 MB).
 */
public final class StoreJars {

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: java StoreJars.java ASSEMBLED.zip DIR");
        }
        Path assembled = Path.of(args[0]);
        Path dir = Path.of(args[1]).toAbsolutePath();
        delete(dir);
        Files.createDirectories(dir);
        long bytes = 0;
        java.util.Map<Path, Long> directoryTimes = new java.util.LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(assembled.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("entry outside the package: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    directoryTimes.put(target, entry.getTime());
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                    if (entry.getName().endsWith(".jar")) {
                        store(target);
                    }
                    bytes += Files.size(target);
                    Files.setLastModifiedTime(target, FileTime.fromMillis(entry.getTime()));
                }
            }
            for (var directory : directoryTimes.entrySet()) {   // once their files are written
                Files.setLastModifiedTime(directory.getKey(), FileTime.fromMillis(directory.getValue()));
            }
        }
        System.out.printf("%s: %,d bytes unzipped, jars stored%n", dir, bytes);
    }

    /** Rewrites {@code jar} in place: the same entries in the same order with the same times, all STORED. */
    private static void store(Path jar) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream((int) Files.size(jar) * 3);
        try (ZipFile source = new ZipFile(jar.toFile()); ZipOutputStream target = new ZipOutputStream(buffer)) {
            for (ZipEntry entry : Collections.list(source.entries())) {
                byte[] bytes = read(source, entry);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(bytes.length);
                copy.setCompressedSize(bytes.length);
                copy.setCrc(crc.getValue());
                copy.setTime(entry.getTime());
                copy.setComment(entry.getComment());
                target.putNextEntry(copy);
                target.write(bytes);
                target.closeEntry();
            }
        }
        Path stored = jar.resolveSibling(jar.getFileName() + ".stored");
        Files.write(stored, buffer.toByteArray());
        verify(jar, stored);
        Files.move(stored, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The stored jar lists the same entries, in the same order, with the same bytes. */
    private static void verify(Path original, Path stored) throws IOException {
        try (ZipFile a = new ZipFile(original.toFile()); ZipFile b = new ZipFile(stored.toFile())) {
            List<? extends ZipEntry> x = Collections.list(a.entries());
            List<? extends ZipEntry> y = Collections.list(b.entries());
            if (x.size() != y.size()) {
                throw new IOException(original.getFileName() + ": " + x.size() + " entries became " + y.size());
            }
            for (int i = 0; i < x.size(); i++) {
                if (!x.get(i).getName().equals(y.get(i).getName()) || y.get(i).getMethod() != ZipEntry.STORED
                        || x.get(i).getTime() != y.get(i).getTime()
                        || !Arrays.equals(read(a, x.get(i)), read(b, y.get(i)))) {
                    throw new IOException(original.getFileName() + ": stored entry differs at " + x.get(i).getName());
                }
            }
        }
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream content = zip.getInputStream(entry)) {
            return content.readAllBytes();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private StoreJars() {
    }
}
