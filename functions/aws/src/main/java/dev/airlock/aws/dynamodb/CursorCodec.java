package dev.airlock.aws.dynamodb;

import dev.airlock.domain.error.InvalidRequestException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Opaque, tamper-proof listing cursors. A cursor is {@code base64url(payload ‖ mac)}: the payload
 * holds DynamoDB's {@code LastEvaluatedKey} (string and number attributes), and the MAC is
 * HMAC-SHA256 under a server-side key over a domain tag, the <em>query scope</em> (index, partition
 * value, filter) and the payload. So a client can neither edit a cursor to start reading elsewhere
 * (someone else's partition) nor replay a cursor of one query on another: both fail the MAC and are
 * refused with {@link InvalidRequestException} code {@value #INVALID_CURSOR}.
 *
 * <p>The key comes from {@code AIRLOCK_CURSOR_KEY} (base64, at least {@value #MIN_KEY_BYTES} bytes)
 * in the functions; rotating it invalidates outstanding cursors, which only restarts a listing.
 */
public final class CursorCodec {

    public static final String INVALID_CURSOR = "invalid_cursor";
    /** HMAC-SHA256 keys shorter than the hash output weaken it (RFC 2104 section 3). */
    public static final int MIN_KEY_BYTES = 32;
    /** Longest cursor accepted, in characters; real ones are a few hundred. */
    public static final int MAX_CURSOR_CHARS = 2048;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    private static final byte FORMAT_VERSION = 1;
    private static final byte[] DOMAIN = "airlock-cursor-v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    /** @param key HMAC key, at least {@value #MIN_KEY_BYTES} bytes */
    public CursorCodec(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("cursor key must be at least " + MIN_KEY_BYTES + " bytes, was "
                    + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * A codec for a base64 (standard or URL-safe) key, as configured in {@code AIRLOCK_CURSOR_KEY}.
     *
     * @throws IllegalArgumentException naming the problem, never echoing the key
     */
    public static CursorCodec fromBase64Key(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("cursor key is not set");
        }
        String normalized = base64Key.strip().replace('-', '+').replace('_', '/');
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(normalized);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor key is not valid base64");
        }
        return new CursorCodec(bytes);
    }

    /** The cursor that resumes {@code scope} after {@code lastEvaluatedKey}. */
    public String encode(String scope, Map<String, AttributeValue> lastEvaluatedKey) {
        Objects.requireNonNull(scope, "scope");
        byte[] payload = payload(lastEvaluatedKey);
        byte[] mac = mac(scope, payload);
        byte[] token = Arrays.copyOf(payload, payload.length + mac.length);
        System.arraycopy(mac, 0, token, payload.length, mac.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /**
     * The key a cursor resumes from.
     *
     * @throws InvalidRequestException code {@value #INVALID_CURSOR} when the cursor is malformed, was
     *                                 altered, or belongs to another query
     */
    public Map<String, AttributeValue> decode(String cursor, String scope) {
        Objects.requireNonNull(scope, "scope");
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_CURSOR_CHARS) {
            throw invalid();
        }
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (token.length <= MAC_BYTES) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOf(token, token.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(token, token.length - MAC_BYTES, token.length);
        if (!MessageDigest.isEqual(mac, mac(scope, payload))) {
            throw invalid();
        }
        return parse(payload);
    }

    private static byte[] payload(Map<String, AttributeValue> key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            Map<String, AttributeValue> sorted = new TreeMap<>(key);
            out.writeByte(sorted.size());
            for (Map.Entry<String, AttributeValue> e : sorted.entrySet()) {
                out.writeUTF(e.getKey());
                AttributeValue value = e.getValue();
                if (value.s() != null) {
                    out.writeByte('S');
                    out.writeUTF(value.s());
                } else if (value.n() != null) {
                    out.writeByte('N');
                    out.writeUTF(value.n());
                } else {
                    throw new IllegalArgumentException("key attribute '" + e.getKey() + "' is neither S nor N");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, AttributeValue> parse(byte[] payload) {
        // Only reached for payloads this codec signed, so a failure here means a key or format change.
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readByte() != FORMAT_VERSION) {
                throw invalid();
            }
            int count = in.readUnsignedByte();
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int type = in.readUnsignedByte();
                String value = in.readUTF();
                key.put(name, type == 'S' ? Attr.s(value) : AttributeValue.builder().n(value).build());
            }
            if (in.available() != 0) {
                throw invalid();
            }
            return key;
        } catch (IOException e) {
            throw invalid();
        }
    }

    private byte[] mac(String scope, byte[] payload) {
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(key);
            hmac.update(DOMAIN);
            hmac.update((byte) 0);
            byte[] scopeBytes = scope.getBytes(StandardCharsets.UTF_8);
            // Length-prefix the scope so scope and payload cannot be shifted into each other.
            hmac.update(ByteBuffer.allocate(Integer.BYTES).putInt(scopeBytes.length).array());
            hmac.update(scopeBytes);
            hmac.update(payload);
            return hmac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides " + ALGORITHM, e);
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException(INVALID_CURSOR,
                "the cursor is not valid for this listing; start again without a cursor");
    }
}
