package dev.airlock.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkpoint function's two alarms, on the metrics it logs (namespace Airlock, no dimensions): any
 * AuditTamper, and no CheckpointTaken for twice the interval.
 */
class AuditAlarmsTest {

    private static TemplateJson template;

    @BeforeAll
    static void synth() {
        template = SynthesizedStack.defaults();
    }

    @Test
    void anyTamperInAMinuteRaisesTheAlarm() {
        assertThat(alarmsOn("AuditTamper")).singleElement().satisfies(a -> {
            assertThat(a.get("Statistic")).isEqualTo("Sum");
            assertThat(a.get("Period")).isEqualTo(60);
            assertThat(a.get("Threshold")).isEqualTo(1);
            assertThat(a.get("ComparisonOperator")).isEqualTo("GreaterThanOrEqualToThreshold");
            assertThat(a.get("TreatMissingData")).isEqualTo("notBreaching");
            assertThat(a).doesNotContainKey("Dimensions");
        });
    }

    /** Missing data is breaching: a mapping that stopped invoking, or a function that stopped anchoring, alarms. */
    @Test
    void noCheckpointForTwiceTheIntervalRaisesTheAlarm() {
        Object window = Map.of("Fn::FindInMap", List.of(staleWindowsMapping(), Map.of("Ref", "CheckpointIntervalMinutes"),
                "StaleMinutes"));
        assertThat(alarmsOn("CheckpointTaken")).singleElement().satisfies(a -> {
            assertThat(a.get("Period")).isEqualTo(60);
            assertThat(a.get("EvaluationPeriods")).isEqualTo(window);
            assertThat(a.get("DatapointsToAlarm")).isEqualTo(window);
            assertThat(a.get("Threshold")).isEqualTo(1);
            assertThat(a.get("ComparisonOperator")).isEqualTo("LessThanThreshold");
            assertThat(a.get("TreatMissingData")).isEqualTo("breaching");
            assertThat(a).doesNotContainKey("Dimensions");
        });
    }

    /** The window is 2 × interval minutes for every interval the parameter allows, and for no other. */
    @Test
    @SuppressWarnings("unchecked")
    void theStaleWindowIsTwiceEachAllowedInterval() {
        Map<String, Object> windows = (Map<String, Object>) template.section("Mappings").get(staleWindowsMapping());
        List<Object> allowed = (List<Object>) ((Map<String, Object>) template.section("Parameters")
                .get("CheckpointIntervalMinutes")).get("AllowedValues");
        assertThat(windows.keySet()).containsExactlyInAnyOrderElementsOf(allowed.stream().map(String::valueOf).toList());
        windows.forEach((minutes, row) -> assertThat(row).isEqualTo(Map.of("StaleMinutes", 2 * Integer.parseInt(minutes))));
        assertThat(allowed).contains("5");
    }

    private static String staleWindowsMapping() {
        return template.section("Mappings").keySet().stream().filter(k -> k.contains("StaleWindows")).findFirst()
                .orElseThrow(() -> new AssertionError("no stale-window mapping"));
    }

    private static List<Map<String, Object>> alarmsOn(String metric) {
        return template.ofType("AWS::CloudWatch::Alarm").values().stream()
                .filter(a -> "Airlock".equals(a.get("Namespace")) && metric.equals(a.get("MetricName")))
                .toList();
    }
}
