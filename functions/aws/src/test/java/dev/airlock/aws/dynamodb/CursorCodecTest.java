package dev.airlock.aws.dynamodb;

import dev.airlock.domain.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    private static final String SCOPE = "byUser\nalice\n*";
    private static final Map<String, AttributeValue> KEY = Map.of(
            "id", Attr.s("5f0c6f0e-8d1e-4a53-9a43-8f1f1f7b2c11"),
            "user", Attr.s("alice"),
            "createdKey", Attr.s("2025-03-01T10:00:00.000000000Z#5f0c6f0e-8d1e-4a53-9a43-8f1f1f7b2c11"),
            "dueAt", AttributeValue.builder().n("1740823200").build());

    private final CursorCodec codec = new CursorCodec(randomKey());

    @Test
    void decode_shouldReturnTheEncodedKey() {
        String cursor = codec.encode(SCOPE, KEY);

        assertThat(codec.decode(cursor, SCOPE)).isEqualTo(KEY);
        assertThat(cursor).matches("[A-Za-z0-9_-]+"); // URL-safe, unpadded: fits a query parameter
    }

    @Test
    void decode_shouldRefuseACursorOfAnotherQuery() {
        String cursor = codec.encode(SCOPE, KEY);

        assertInvalid(() -> codec.decode(cursor, "byUser\nmallory\n*"));
        assertInvalid(() -> codec.decode(cursor, "byUser\nalice\nPENDING"));
        assertInvalid(() -> codec.decode(cursor, "byState\nPENDING"));
    }

    @Test
    void decode_shouldRefuseEveryEditedByte() {
        byte[] token = Base64.getUrlDecoder().decode(codec.encode(SCOPE, KEY));
        for (int i = 0; i < token.length; i++) {
            byte[] edited = token.clone();
            edited[i] ^= 0x01;
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(edited);
            assertInvalid(() -> codec.decode(cursor, SCOPE));
        }
    }

    @Test
    void decode_shouldRefuseACursorWhosePartitionWasRewrittenToAnotherUser() {
        // An attacker who knows the format re-encodes the payload with another user but cannot sign it.
        String honest = codec.encode(SCOPE, KEY);
        CursorCodec attacker = new CursorCodec(randomKey());
        String forged = attacker.encode(SCOPE, Map.of("id", KEY.get("id"), "user", Attr.s("bob"),
                "createdKey", KEY.get("createdKey")));

        assertThat(codec.decode(honest, SCOPE)).isEqualTo(KEY);
        assertInvalid(() -> codec.decode(forged, SCOPE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "AAAA", "a", "%2F%2F"})
    void decode_shouldRefuseGarbage(String cursor) {
        assertInvalid(() -> codec.decode(cursor, SCOPE));
    }

    @Test
    void decode_shouldRefuseTruncatedAndOverlongCursors() {
        String cursor = codec.encode(SCOPE, KEY);

        for (int cut = 1; cut < cursor.length(); cut += 7) {
            String truncated = cursor.substring(0, cursor.length() - cut);
            assertInvalid(() -> codec.decode(truncated, SCOPE));
        }
        assertInvalid(() -> codec.decode(cursor + cursor, SCOPE));
        assertInvalid(() -> codec.decode("A".repeat(CursorCodec.MAX_CURSOR_CHARS + 1), SCOPE));
    }

    @Test
    void constructor_shouldRefuseShortKeys() {
        assertThatThrownBy(() -> new CursorCodec(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32");
        assertThatThrownBy(() -> CursorCodec.fromBase64Key("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CursorCodec.fromBase64Key("***")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("***");
    }

    @Test
    void fromBase64Key_shouldAcceptStandardAndUrlSafeForms() {
        byte[] key = randomKey();
        String cursor = new CursorCodec(key).encode(SCOPE, KEY);

        assertThat(CursorCodec.fromBase64Key(Base64.getEncoder().encodeToString(key)).decode(cursor, SCOPE)).isEqualTo(KEY);
        assertThat(CursorCodec.fromBase64Key(Base64.getUrlEncoder().encodeToString(key)).decode(cursor, SCOPE)).isEqualTo(KEY);
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo(CursorCodec.INVALID_CURSOR);
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
