package dev.airlock.core.usecase;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The user-name escaping of docs/SSH-CA.md, example by example. */
class KeyIdsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "alice                | alice",
            "alice@example.com    | alice@example.com",
            "a.b-c_d~e+f          | a.b-c_d~e+f",
            "jürgen               | j%C3%BCrgen",
            "j_rgen               | j_rgen",
            "'a b'                | a%20b",
            "50%                  | 50%25",
            "user=x               | user%3Dx",
            "日本                 | %E6%97%A5%E6%9C%AC",
            "🚀                   | %F0%9F%9A%80"})
    void escapeUser_keepsSafeCharactersAndPercentEncodesTheRest(String user, String escaped) {
        assertThat(KeyIds.escapeUser(user)).isEqualTo(escaped);
        assertThat(URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(user);
    }

    @Test
    void escapeUser_encodesLoneSurrogatesDistinctly() {
        assertThat(KeyIds.escapeUser("\ud800")).isEqualTo("%ED%A0%80");
        assertThat(KeyIds.escapeUser("\udc00")).isEqualTo("%ED%B0%80");
    }

    @Test
    void escapeUser_shortensALongNameWithADigest_neverSplittingAnEscape() {
        String escaped = KeyIds.escapeUser("a".repeat(119) + "é".repeat(100));

        assertThat(escaped).startsWith("a".repeat(119) + KeyIds.DIGEST_MARKER); // "%C3" would not fit in 120
        assertThat(escaped).matches("a{119}%~[0-9A-F]{32}");
        assertThat(KeyIds.escapeUser("u".repeat(160))).isEqualTo("u".repeat(160));
        assertThat(KeyIds.escapeUser("u".repeat(161))).matches("u{120}%~[0-9A-F]{32}");
    }
}
