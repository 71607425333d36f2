package dev.airlock.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EmbeddedMetricTest {

    @Test
    void count_writesOneEmfLine_thatDeclaresTheMetricAndCarriesItsValue() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Instant at = Instant.parse("2026-12-06T03:00:00.123Z");

        new EmbeddedMetric(new PrintStream(bytes, true, StandardCharsets.UTF_8)).count("OverduePostReviews", 2, at);

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(text);
        JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(line.get("_aws").get("Timestamp").asLong()).isEqualTo(at.toEpochMilli());
        assertThat(directive.get("Namespace").asString()).isEqualTo("Airlock");
        assertThat(directive.get("Dimensions").get(0).size()).isZero();
        assertThat(directive.get("Metrics").get(0).get("Name").asString()).isEqualTo("OverduePostReviews");
        assertThat(directive.get("Metrics").get(0).get("Unit").asString()).isEqualTo("Count");
        assertThat(line.get("OverduePostReviews").asLong()).isEqualTo(2);
    }

    @Test
    void countLine_refusesANameThatIsNotAlphanumeric() {
        assertThatThrownBy(() -> EmbeddedMetric.countLine("a\",\"b", 1, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
