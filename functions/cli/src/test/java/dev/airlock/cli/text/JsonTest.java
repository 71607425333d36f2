package dev.airlock.cli.text;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    @Test
    void pretty_escapesControlBidiAndSeparatorCharacters_andReadsBackExactly() {
        String reason = "a\u001b[2Ab\u0007c\u007fd\u0085e\u202ef\u2028g\u200bh é";
        ObjectNode node = Json.object().put("reason", reason);

        String json = Json.pretty(node);

        assertThat(json).contains("\\u001B[2A", "\\u0007", "\\u007F", "\\u0085", "\\u202e", "\\u2028", "\\u200b", "h é")
                .doesNotContain("\u001b", "\u0007", "\u007f", "\u0085", "\u202e", "\u2028", "\u200b");
        assertThat(Json.parseObject(json).orElseThrow().get("reason").asString()).isEqualTo(reason);
    }

    @Test
    void pretty_isIndentedLikeJq() {
        ObjectNode node = Json.object().put("id", "x");
        node.putArray("roles").add("dba");

        assertThat(Json.pretty(node)).isEqualTo("{\n  \"id\": \"x\",\n  \"roles\": [\n    \"dba\"\n  ]\n}");
    }

    @Test
    void parseObject_isEmptyForAnythingButAnObject() {
        assertThat(Json.parseObject("<html>login</html>")).isEmpty();
        assertThat(Json.parseObject("[1]")).isEmpty();
        assertThat(Json.parseObject("{\"a\":1}")).isPresent();
    }
}
