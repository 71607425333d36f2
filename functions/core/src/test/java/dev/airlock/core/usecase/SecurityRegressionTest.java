package dev.airlock.core.usecase;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression tests for the security review of issue #12, one per finding that lives in this module.
 * Each failed on the code before its fix. See docs/SECURITY.md for the threat table.
 */
class SecurityRegressionTest {

    private static final Optional<String> REQUEST = Optional.of("3f2b8c1e-6d4a-4b7e-9a1f-2c3d4e5f6a7b");
    private static final int TRIES = 20_000;

    /**
     * Finding 9: every character outside printable ASCII became {@code _}, so {@code jürgen},
     * {@code jörgen} and {@code j_rgen} shared one {@code user=} value in sshd's logs.
     */
    @Test
    void finding9_keyIdsOfUsersThatOnlyDifferBeyondAscii_areDistinct() {
        List<String> users = List.of("jürgen", "jörgen", "j_rgen", "j%C3%BCrgen", "j rgen", "j\u00a0rgen",
                "alice", "alice\u200b", "ali\u200bce", "alice\u0000", "\ud800", "\udc00", "?", "%", "%25",
                "a".repeat(300), "a".repeat(299) + "b", "é".repeat(128), "é".repeat(127) + "è");

        Map<String, String> seen = new HashMap<>();
        for (String user : users) {
            String keyId = KeyIds.of(user, REQUEST, List.of("dba"), "7");
            assertThat(keyId.chars()).as(keyId).allMatch(c -> c > 0x20 && c < 0x7f || c == ' ');
            assertThat(keyId.split(" ")).as(keyId).hasSize(4);
            String previous = seen.put(userField(keyId), user);
            assertThat(previous).as("user field %s of %s", userField(keyId), user).isNull();
        }
    }

    /** Finding 9, as a property: distinct (user, request) pairs never share a key id's user and request fields. */
    @Test
    void finding9_distinctUserAndRequest_giveDistinctKeyIds() {
        Map<String, String> seen = new HashMap<>();
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < TRIES; i++) {
            String user = KeyIdsPropertiesTest.user(random);
            Optional<String> request = random.nextInt(4) == 0 ? Optional.empty()
                    : Optional.of(REQUEST.get().substring(0, 35) + random.nextInt(3));
            String keyId = KeyIds.of(user, request, List.of("dba"), "7");
            String identity = keyId.substring(0, keyId.indexOf(" roles="));
            String pair = user + "\u0000" + request.orElse("-");
            String previous = seen.putIfAbsent(identity, pair);
            assertThat(previous == null || previous.equals(pair))
                    .as("%s is the key id of both %s and %s", identity, previous, pair).isTrue();
        }
        assertThat(seen.size()).as("distinct inputs tried").isGreaterThan(TRIES / 2);
    }

    private static String userField(String keyId) {
        return keyId.split(" ")[0];
    }
}
