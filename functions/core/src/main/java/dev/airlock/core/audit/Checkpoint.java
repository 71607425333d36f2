package dev.airlock.core.audit;

import dev.airlock.domain.request.AuditHead;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Checkpoint {@code n} of the audit table: the heads of the chains that moved since checkpoint
 * {@code n - 1}, the hash of checkpoint {@code n - 1}, when, and how many records it covers. Signed
 * with the audit key and written once to the anchor (docs/AUDIT.md "Checkpoints").
 *
 * <p>{@link #body()} is what is hashed and signed: UTF-8 lines, chain names percent-encoded so a line
 * break in a user name cannot forge a line, heads sorted by chain; {@link #parse} reads it back.
 *
 * @param n            1, 2, ...
 * @param previousHash {@link #hash()} of checkpoint {@code n - 1}; 64 zeros for the first
 * @param at           when it was taken (millisecond precision)
 * @param records      records appended since checkpoint {@code n - 1}
 * @param heads        each chain that moved since checkpoint {@code n - 1}, with its new head
 */
public record Checkpoint(long n, String previousHash, Instant at, long records, SortedMap<String, AuditHead> heads) {

    private static final String MAGIC = "airlock-checkpoint v1";

    public Checkpoint {
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(at, "at");
        heads = Collections.unmodifiableSortedMap(new TreeMap<>(heads));
        if (n < 1 || records < 0) {
            throw new IllegalArgumentException("n starts at 1 and records is not negative");
        }
        at = Instant.ofEpochMilli(at.toEpochMilli());
    }

    /** The signed text. */
    public String body() {
        StringBuilder out = new StringBuilder(MAGIC).append('\n')
                .append("n ").append(n).append('\n')
                .append("previous ").append(previousHash).append('\n')
                .append("at ").append(at).append('\n')
                .append("records ").append(records).append('\n');
        heads.forEach((chain, head) -> out.append("head ").append(URLEncoder.encode(chain, StandardCharsets.UTF_8))
                .append(' ').append(head.seq()).append(' ').append(head.hash()).append('\n'));
        return out.toString();
    }

    /** SHA-256 of {@link #body()}, lower-case hex: what checkpoint {@code n + 1} links to. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** @throws IllegalArgumentException when {@code body} is not a checkpoint body */
    public static Checkpoint parse(String body) {
        String[] lines = body.split("\n", -1);
        if (lines.length < 6 || !lines[0].equals(MAGIC) || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("not a checkpoint body");
        }
        try {
            long n = Long.parseLong(field(lines[1], "n"));
            String previous = field(lines[2], "previous");
            Instant at = Instant.parse(field(lines[3], "at"));
            long records = Long.parseLong(field(lines[4], "records"));
            SortedMap<String, AuditHead> heads = new TreeMap<>();
            for (int i = 5; i < lines.length - 1; i++) {
                String[] parts = field(lines[i], "head").split(" ");
                if (parts.length != 3) {
                    throw new IllegalArgumentException("bad head line " + i);
                }
                heads.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        new AuditHead(Long.parseLong(parts[1]), parts[2]));
            }
            Checkpoint parsed = new Checkpoint(n, previous, at, records, heads);
            if (!parsed.body().equals(body)) {
                throw new IllegalArgumentException("not in canonical form");
            }
            return parsed;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a checkpoint body: " + e.getMessage(), e);
        }
    }

    private static String field(String line, String name) {
        if (!line.startsWith(name + " ")) {
            throw new IllegalArgumentException("expected '" + name + "'");
        }
        return line.substring(name.length() + 1);
    }
}
