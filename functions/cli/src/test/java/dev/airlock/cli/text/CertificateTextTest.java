package dev.airlock.cli.text;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateTextTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void table_escapesWhatTheServerSent_andLinesUpTheColumns() {
        ObjectNode base = certificate("4471190283715520093", "[\"contractor\"]", null, "[\"contrac\\u001b[2Jtor\"]",
                "REVOKED");
        ObjectNode underRequest = certificate("42", "[\"contractor\", \"dba\"]",
                "\"bc8ca931-fec9-4b15-9d5c-1f1d4b0e7a11\"", "[\"dba\"]", "VALID");

        List<String> lines = CertificateText.table(List.of(base, underRequest));

        assertThat(lines.get(0)).isEqualTo("SERIAL               PRINCIPALS      VALID FROM (UTC)  VALID UNTIL (UTC)  "
                + "ISSUED FOR                    STATE");
        assertThat(lines.get(1)).isEqualTo("4471190283715520093  contractor      2026-11-07 19:02  2026-11-08 03:03   "
                + "base roles contrac\\x1b[2Jtor  REVOKED");
        assertThat(lines.get(2)).isEqualTo("42                   contractor,dba  2026-11-07 19:02  2026-11-08 03:03   "
                + "request bc8ca931              VALID");
        assertThat(String.join("\n", lines)).doesNotContain("\u001b");
    }

    private static ObjectNode certificate(String serial, String principals, String requestId, String roles,
                                          String state) {
        return (ObjectNode) JSON.readTree("{\"serial\": \"" + serial + "\", \"principals\": " + principals
                + ", \"roles\": " + roles + ", \"validAfter\": \"2026-11-07T19:02:10Z\", "
                + "\"validBefore\": \"2026-11-08T03:03:10Z\", \"requestId\": " + requestId + ", \"state\": \""
                + state + "\"}");
    }
}
