package dev.airlock.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The alarm on overdue break-glass post-reviews, fed by the expire function's EMF line. */
class PostReviewAlarmTest {

    private static TemplateJson template;

    @BeforeAll
    static void synth() {
        template = SynthesizedStack.defaults();
    }

    @Test
    void overduePostReviews_raiseAnAlarm_onTheMetricTheExpireFunctionLogs() {
        List<Map<String, Object>> alarms = template.ofType("AWS::CloudWatch::Alarm").values().stream()
                .filter(a -> "OverduePostReviews".equals(a.get("MetricName")))
                .toList();

        assertThat(alarms).hasSize(1);
        Map<String, Object> alarm = alarms.get(0);
        assertThat(alarm).containsEntry("Namespace", "Airlock")
                .containsEntry("Statistic", "Maximum")
                .containsEntry("Threshold", 1)
                .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                .containsEntry("Period", 900)
                .doesNotContainKey("Dimensions");
    }
}
