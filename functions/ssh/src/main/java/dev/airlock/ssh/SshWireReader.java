package dev.airlock.ssh;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Strict decoder for the RFC 4251 section 5 data types, the inverse of {@link SshWire}. Every read
 * checks bounds; a violation throws {@link SshWireFormatException} (never an index exception), so
 * callers can turn malformed input into a clear error.
 */
public final class SshWireReader {

    private final byte[] data;
    private int position;

    public SshWireReader(byte[] data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    /** One byte, 0..255 (RFC 4251 §5 {@code byte}). */
    public int uint8() {
        require(1, "byte");
        return data[position++] & 0xFF;
    }

    public long uint32() {
        require(4, "uint32");
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (data[position++] & 0xFF);
        }
        return value;
    }

    /** Reads a uint64; values above {@link Long#MAX_VALUE} come back negative (read them as unsigned). */
    public long uint64() {
        require(8, "uint64");
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (data[position++] & 0xFF);
        }
        return value;
    }

    public byte[] string() {
        long length = uint32();
        if (length > remaining()) {
            throw new SshWireFormatException("string length " + length + " exceeds the "
                    + remaining() + " bytes left");
        }
        byte[] value = Arrays.copyOfRange(data, position, position + (int) length);
        position += (int) length;
        return value;
    }

    /** A {@code string} that must be valid UTF-8 text. */
    public String utf8() {
        byte[] raw = string();
        String text = new String(raw, StandardCharsets.UTF_8);
        if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), raw)) {
            throw new SshWireFormatException("string is not valid UTF-8");
        }
        return text;
    }

    /**
     * RFC 4251 §5 {@code mpint}. Rejects non-minimal encodings ("unnecessary leading bytes with the
     * value 0 or 255 MUST NOT be included").
     */
    public BigInteger mpint() {
        byte[] raw = string();
        if (raw.length == 0) {
            return BigInteger.ZERO;
        }
        if (raw.length > 1 && ((raw[0] == 0 && raw[1] >= 0) || (raw[0] == (byte) 0xFF && raw[1] < 0))) {
            throw new SshWireFormatException("mpint has an unnecessary leading byte");
        }
        return new BigInteger(raw);
    }

    /** RFC 4251 §5 {@code name-list}; the empty string is the empty list. */
    public List<String> nameList() {
        String joined = new String(string(), StandardCharsets.US_ASCII);
        List<String> names = new ArrayList<>();
        if (joined.isEmpty()) {
            return names;
        }
        for (String name : joined.split(",", -1)) {
            try {
                SshWire.requireName(name);
            } catch (IllegalArgumentException e) {
                throw new SshWireFormatException("malformed name-list: " + e.getMessage());
            }
            names.add(name);
        }
        return names;
    }

    public int remaining() {
        return data.length - position;
    }

    public boolean hasRemaining() {
        return remaining() > 0;
    }

    /** Fails unless every byte has been consumed: trailing data is a format error in every SSH structure. */
    public void requireEnd(String what) {
        if (hasRemaining()) {
            throw new SshWireFormatException(what + " has " + remaining() + " trailing bytes");
        }
    }

    private void require(int count, String what) {
        if (remaining() < count) {
            throw new SshWireFormatException("truncated " + what + ": needs " + count
                    + " bytes, " + remaining() + " left");
        }
    }
}
