package dev.airlock.domain.text;

import dev.airlock.domain.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreeTextTest {

    @Test
    void isUnsafe_coversExactlyTheCcRangesAndTheBidiControls() {
        int[] unsafe = IntStream.concat(IntStream.concat(IntStream.rangeClosed(0x00, 0x1F), IntStream.rangeClosed(0x7F, 0x9F)),
                IntStream.of(0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069))
                .toArray();

        assertThat(IntStream.rangeClosed(0, 0x10FFFF).filter(FreeText::isUnsafe).toArray()).containsExactly(unsafe);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "INC-4211: slow queries", "Zürich, 日本, مرحبا, 🚀", "a\u00a0b", "tab\u2003em"})
    void requireDisplayable_acceptsPrintableTextOfAnyScript(String text) {
        assertThatCode(() -> FreeText.requireDisplayable("reason", text)).doesNotThrowAnyException();
    }

    @Test
    void requireDisplayable_acceptsNull() {
        assertThatCode(() -> FreeText.requireDisplayable("reason", null)).doesNotThrowAnyException();
    }

    @Test
    void requireDisplayable_namesFieldCodePointAndPosition_withoutEchoingTheText() {
        assertThatThrownBy(() -> FreeText.requireDisplayable("reason", "ok\u001b[2J"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("reason contains the control character U+001B at character 2; control and "
                        + "bidirectional formatting characters are not accepted (a reason is one line of printable text)")
                .satisfies(e -> assertThat(((InvalidRequestException) e).code()).isEqualTo("unsafe_text"));
        assertThatThrownBy(() -> FreeText.requireDisplayable("reason", "\ud83d\ude80\u202e"))
                .hasMessageStartingWith("reason contains the bidirectional formatting character U+202E at character 2;");
    }
}
