package dev.airlock.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The committed test-only public keys of {@code test-only-public-keys.txt}, each with the bit count
 * and fingerprint that {@code ssh-keygen -l -f} printed for it: known answers for parsing.
 */
final class TestOnlyPublicKeys {

    record Entry(String name, int bits, String fingerprint, String line) {
    }

    private static final Map<String, Entry> ENTRIES = load();

    private TestOnlyPublicKeys() {
    }

    /** One of: ed25519, ecdsa_256, ecdsa_384, ecdsa_521, rsa_2048, rsa_3072, rsa_1024, dsa_1024. */
    static Entry get(String name) {
        return Objects.requireNonNull(ENTRIES.get(name), name);
    }

    static String line(String name) {
        return get(name).line();
    }

    private static Map<String, Entry> load() {
        try (InputStream in = TestOnlyPublicKeys.class.getResourceAsStream("test-only-public-keys.txt")) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] f = row.split("\\|", 4);
                entries.put(f[0], new Entry(f[0], Integer.parseInt(f[1]), f[2], f[3]));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
