package dev.airlock.app.config;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The key that signs list cursors ({@code AIRLOCK_CURSOR_KEY}, base64, at least
 * {@value #MIN_BYTES} bytes). A secret: {@link #toString()} never shows it.
 */
public final class CursorKey {

    /** HMAC-SHA-256 keys shorter than the hash output weaken it (RFC 2104 section 3). */
    public static final int MIN_BYTES = 32;

    /**
     * The fixed key of explicitly local runs. Public on purpose: local cursors need no secrecy, and
     * a deployed function never falls back to it (the variable is required there).
     */
    static final CursorKey LOCAL_DEVELOPMENT = new CursorKey(
            "airlock local development cursor key - not a secret".getBytes(StandardCharsets.US_ASCII));

    private final byte[] bytes;

    private CursorKey(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /**
     * Decodes the variable's value.
     *
     * @throws InvalidConfigException naming {@code variable} (never quoting the value)
     */
    public static CursorKey decode(String variable, String base64) {
        byte[] decoded;
        try {
            // Standard or URL-safe alphabet; padding optional (as CursorCodec.fromBase64Key accepts).
            decoded = Base64.getDecoder().decode(base64.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(variable, "must be base64");
        }
        if (decoded.length < MIN_BYTES) {
            throw new InvalidConfigException(variable,
                    "must decode to at least " + MIN_BYTES + " bytes, was " + decoded.length);
        }
        return new CursorKey(decoded);
    }

    /** A copy of the key bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CursorKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "CursorKey[redacted]";
    }
}
