package dev.airlock.ssh;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Encoder for the SSH wire data types of RFC 4251 section 5: {@code uint32}, {@code uint64},
 * {@code string}, {@code mpint} and {@code name-list}. Append-only and not thread-safe; build one
 * per message. {@link SshWireReader} is its inverse.
 */
public final class SshWire {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    /** RFC 4251 §5 {@code uint32}: four bytes, big-endian. {@code value} must fit in 32 unsigned bits. */
    public SshWire uint32(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("uint32 out of range: " + value);
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    /** RFC 4251 §5 {@code uint64}: eight bytes, big-endian; the Java long is read as unsigned. */
    public SshWire uint64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    /** RFC 4251 §5 {@code string}: a uint32 length followed by that many bytes. */
    public SshWire string(byte[] value) {
        Objects.requireNonNull(value, "value");
        uint32(value.length);
        out.writeBytes(value);
        return this;
    }

    /** A {@code string} holding UTF-8 text (RFC 4251 §5 allows ISO-10646 UTF-8 text in strings). */
    public SshWire string(String value) {
        return string(Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * RFC 4251 §5 {@code mpint}: two's complement, big-endian, as a {@code string}; zero is the empty
     * string, and a positive number whose top bit is set gets one leading zero byte. This is exactly
     * what {@link BigInteger#toByteArray()} produces (minimal two's complement) except for zero.
     */
    public SshWire mpint(BigInteger value) {
        Objects.requireNonNull(value, "value");
        return string(value.signum() == 0 ? new byte[0] : value.toByteArray());
    }

    /**
     * RFC 4251 §5 {@code name-list}: a {@code string} of comma-separated US-ASCII names; names must be
     * non-empty and must not contain a comma (or anything outside printable ASCII).
     */
    public SshWire nameList(List<String> names) {
        Objects.requireNonNull(names, "names");
        for (String name : names) {
            requireName(name);
        }
        return string(String.join(",", names).getBytes(StandardCharsets.US_ASCII));
    }

    /** Appends bytes already in wire form (e.g. a nested structure), with no length prefix. */
    public SshWire raw(byte[] bytes) {
        out.writeBytes(Objects.requireNonNull(bytes, "bytes"));
        return this;
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    static void requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("name-list entries must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == ',') {
                throw new IllegalArgumentException("name-list entry has a character outside printable "
                        + "ASCII or a comma at index " + i);
            }
        }
    }
}
