package dev.airlock.core.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The canonical byte form of an audit record, which its hash covers.
 *
 * <p>Each field is written as {@code <length in bytes, decimal>:<UTF-8 bytes>\n} in this order:
 * {@code chain}, {@code seq} (decimal), {@code at} (ISO-8601, UTC, as {@link java.time.Instant#toString()}),
 * {@code actor}, {@code action}, the number of details (decimal), then each detail's key and value
 * in key order. Length prefixes make the form unambiguous (no separator can be forged inside a value).
 * The hash is {@code hex(SHA-256(canonical ‖ prevHash))}, where {@code prevHash} is the previous
 * record's lower-case hex hash as ASCII bytes (64 zeros for the first record).
 */
public final class CanonicalForm {

    private CanonicalForm() {
    }

    /** The canonical bytes of the record, without its own hash and without {@code prevHash}. */
    public static byte[] bytes(AuditRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, record.chain());
        field(out, Long.toString(record.seq()));
        field(out, record.at().toString());
        field(out, record.actor());
        field(out, record.action());
        field(out, Integer.toString(record.details().size()));
        for (Map.Entry<String, String> detail : record.details().entrySet()) {
            field(out, detail.getKey());
            field(out, detail.getValue());
        }
        return out.toByteArray();
    }

    /** {@code hex(SHA-256(bytes(record) ‖ prevHash))}. */
    public static String hash(AuditRecord record) {
        MessageDigest sha256 = sha256();
        sha256.update(bytes(record));
        sha256.update(record.prevHash().getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void field(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(bytes);
        out.write('\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
