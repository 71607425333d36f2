package dev.airlock.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class NameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice@example.com", "00u1ab2cd3", "Zoë", "李雷", "a-b_c.d+e"})
    void isValidUser_shouldAcceptPrintableNfcNames(String name) {
        assertThat(NameRules.isValidUser(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice\u00a0", "ali\u200bce", "\u202ealice", "alice\u2066", "alice bob", "alice\t",
            "alice\n", "alice\u0000", "alice\u007f", "alice\u0085", "alice\u001b[2J", "alice\u2028", "alice\u2029",
            "alice\u3000", "alice\ufeff", "Zoe\u0308", "\ud800alice"})
    void isValidUser_shouldRefuseControlFormatSpaceAndNonNfcNames(String name) {
        assertThat(NameRules.isValidUser(name)).isFalse();
    }

    @Test
    void isValidUser_shouldRefuseOverlongNames() {
        assertThat(NameRules.isValidUser("a".repeat(NameRules.MAX_LENGTH))).isTrue();
        assertThat(NameRules.isValidUser("a".repeat(NameRules.MAX_LENGTH + 1))).isFalse();
    }

    @Test
    void isValidGroup_shouldAllowAsciiSpacesButNoOtherSeparatorOrControl() {
        assertThat(NameRules.isValidGroup("book club dba-reviewers")).isTrue();
        assertThat(NameRules.isValidGroup("book\u00a0club")).isFalse();
        assertThat(NameRules.isValidGroup("book\u200bclub")).isFalse();
        assertThat(NameRules.isValidGroup("book\tclub")).isFalse();
        assertThat(NameRules.isValidGroup("")).isFalse();
    }

    /** Seeded: every code point of the refused categories, placed anywhere in a name, is refused. */
    @Test
    void isValidUser_shouldRefuseEveryCharacterOfTheRefusedCategories_seeded() {
        Random random = new Random(20261206L);
        for (int c = 0; c <= 0x10FFFF; c++) {
            int type = Character.getType(c);
            boolean refused = type == Character.CONTROL || type == Character.FORMAT || type == Character.SPACE_SEPARATOR
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE;
            if (!refused) {
                continue;
            }
            String base = "alice";
            int at = random.nextInt(base.length() + 1);
            String name = base.substring(0, at) + new String(Character.toChars(c)) + base.substring(at);
            assertThat(NameRules.isValidUser(name)).as("U+%04X", c).isFalse();
            assertThat(NameRules.isValidGroup(name)).as("U+%04X", c).isEqualTo(c == ' ');
        }
    }
}
