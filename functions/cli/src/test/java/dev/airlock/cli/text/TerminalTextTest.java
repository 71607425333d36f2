package dev.airlock.cli.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTest {

    @ParameterizedTest(name = "U+{0} → {1}")
    @CsvSource({
            "001b, \\x1b",      // ESC: CSI and OSC sequences
            "0007, \\x07",      // BEL ends an OSC title sequence
            "0000, \\x00",
            "000a, \\x0a",
            "007f, \\x7f",      // DEL
            "0085, \\u0085",    // NEL (C1)
            "009b, \\u009b",    // CSI in one byte (C1)
            "202a, \\u202a", "202b, \\u202b", "202c, \\u202c", "202d, \\u202d", "202e, \\u202e",
            "2066, \\u2066", "2067, \\u2067", "2068, \\u2068", "2069, \\u2069",
            "200e, \\u200e", "200f, \\u200f",
            "200b, \\u200b",    // zero-width space (Cf)
            "feff, \\ufeff",    // byte order mark (Cf)
            "2028, \\u2028",    // line separator
            "2029, \\u2029",    // paragraph separator
            "00a0, \\u00a0",    // no-break space: 'alice ' and 'alice' must not look alike
            "e0001, \\U000e0001"})
    void escapesWhatATerminalWouldActOn(String hex, String shown) {
        String text = "a" + new String(Character.toChars(Integer.parseInt(hex, 16))) + "b";

        assertThat(TerminalText.escape(text)).isEqualTo("a" + shown + "b");
    }

    @Test
    void leavesPrintableTextAlone_andDoublesABackslash() {
        assertThat(TerminalText.escape("INC-4211: slow queries, café, 数据库 ✓ 🚀")).isEqualTo("INC-4211: slow queries, café, 数据库 ✓ 🚀");
        assertThat(TerminalText.escape("looks like \\x1b")).isEqualTo("looks like \\\\x1b");
        assertThat(TerminalText.escape(null)).isEmpty();
    }

    @Test
    void anAttackersLine_hasNoControlCharacterLeft() {
        String attack = "dba\u001b[2A\u001b[2Kcluster-a\u001b]0;title\u0007\u202egnp.exe\u009b31m";

        String shown = TerminalText.escape(attack);

        assertThat(shown.codePoints().filter(TerminalText::isUnsafe).toArray()).isEmpty();
        assertThat(shown).isEqualTo("dba\\x1b[2A\\x1b[2Kcluster-a\\x1b]0;title\\x07\\u202egnp.exe\\u009b31m");
    }
}
