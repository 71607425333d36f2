package dev.airlock.app.http;

import dev.airlock.domain.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    record Body(List<String> roles, String reason, Boolean urgent) {
    }

    @Test
    void read_validBody_shouldBind() {
        Body body = Json.read("{\"roles\": [\"dba\"], \"reason\": \"INC-1\", \"urgent\": true}", Body.class);

        assertThat(body).isEqualTo(new Body(List.of("dba"), "INC-1", true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"roles\": [\"dba\"]|malformed_json",
            "{\"roles\": []} {}|malformed_json",
            "{\"reason\": \"a\", \"reason\": \"b\"}|malformed_json",
            "[1, 2]|invalid_field",
            "null|malformed_json",
            "\"text\"|invalid_field",
            "{\"roles\": [], \"admin\": true}|unknown_field",
            "{\"reason\": 5}|invalid_field",
            "{\"reason\": true}|invalid_field",
            "{\"urgent\": \"yes\"}|invalid_field",
            
            "{\"roles\": {\"a\": 1}}|invalid_field"})
    void read_badBody_shouldBeInvalidRequestWithCode(String text, String code) {
        assertThatThrownBy(() -> Json.read(text, Body.class))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).code()).isEqualTo(code));
    }

    @Test
    void read_unknownField_shouldNameItClipped() {
        String name = "x".repeat(100);

        assertThatThrownBy(() -> Json.read("{\"" + name + "\": 1}", Body.class))
                .hasMessageContaining("'" + "x".repeat(64) + "...'")
                .hasMessageNotContaining("x".repeat(65));
    }

    @Test
    void write_shouldKeepComponentOrderAndNulls() {
        assertThat(Json.write(new Body(null, "r", false))).isEqualTo("{\"roles\":null,\"reason\":\"r\",\"urgent\":false}");
    }
}
