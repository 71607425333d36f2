package dev.airlock.infra;

import dev.airlock.core.usecase.TakeCheckpoints;
import dev.airlock.core.config.EnvironmentNames;
import software.amazon.awscdk.CfnMapping;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.cloudwatch.CfnAlarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outside anchor of the audit trail, around the {@code checkpoint} function: the {@link AuditKey}, the
 * {@link CheckpointAnchorBucket}, the checkpoint interval parameter, and two alarms on the metrics the
 * function logs in CloudWatch embedded metric format (namespace {@value #NAMESPACE}, no dimensions):
 * <ul>
 *   <li>{@value #TAMPER_METRIC}: one per MODIFY or REMOVE on the audit table (nothing legitimate makes
 *       one) or INSERT that does not extend its chain; any in a minute raises the alarm;</li>
 *   <li>{@value #CHECKPOINT_METRIC}: one per checkpoint anchored; none for twice the interval raises the
 *       alarm (missing data is breaching), the same staleness at which {@code access audit verify} fails.
 *       It catches a disabled or deleted event source mapping, a disabled audit key, a failing function.</li>
 * </ul>
 */
public final class AuditAnchor extends Construct {

    public static final String NAMESPACE = "Airlock";
    public static final String TAMPER_METRIC = TakeCheckpoints.TAMPER_METRIC;
    public static final String CHECKPOINT_METRIC = TakeCheckpoints.CHECKPOINT_METRIC;
    public static final String INTERVAL_PARAM = "CheckpointIntervalMinutes";
    public static final int DEFAULT_INTERVAL_MINUTES = 5;
    /** CloudFormation has no arithmetic: the stale alarm's window (2 × interval) comes from this table. */
    public static final List<Integer> INTERVAL_MINUTES = List.of(1, 2, 5, 10, 15, 30, 60);
    private static final String STALE_MINUTES = "StaleMinutes";
    private static final int ONE_MINUTE = 60;

    private final AuditKey key;
    private final CheckpointAnchorBucket bucket;

    public AuditAnchor(Construct scope, String id, AirlockFunction checkpoint, String keyAdministratorArn) {
        super(scope, id);
        this.key = new AuditKey(this, "AuditKey", checkpoint.role(), keyAdministratorArn);
        this.bucket = new CheckpointAnchorBucket(this, "Checkpoints", checkpoint.role().getRoleArn(), keyAdministratorArn);
        String minutes = intervalParameter();
        checkpoint.function().addEnvironment(EnvironmentNames.CHECKPOINT_BUCKET, bucket.bucket().getBucketName());
        checkpoint.function().addEnvironment(EnvironmentNames.AUDIT_KEY_ID, key.keyArn());
        // ISO-8601, as the function reads it: PT5M
        checkpoint.function().addEnvironment(EnvironmentNames.CHECKPOINT_INTERVAL, Fn.join("", List.of("PT", minutes, "M")));
        tamperAlarm();
        staleAlarm(minutes);
    }

    public String keyArn() {
        return key.keyArn();
    }

    public CheckpointAnchorBucket bucket() {
        return bucket;
    }

    private String intervalParameter() {
        return CfnParameter.Builder.create(Stack.of(this), INTERVAL_PARAM).type("Number")
                .defaultValue(DEFAULT_INTERVAL_MINUTES)
                .allowedValues(INTERVAL_MINUTES.stream().map(String::valueOf).toList())
                .description("Minutes between audit checkpoints; access audit verify and the stale-checkpoint alarm "
                        + "fail after twice this")
                .build().getValueAsString();
    }

    private void tamperAlarm() {
        Metric.Builder.create().namespace(NAMESPACE).metricName(TAMPER_METRIC).statistic("Sum")
                .period(Duration.minutes(1)).build()
                .createAlarm(this, "TamperAlarm", CreateAlarmOptions.builder()
                        .alarmDescription("Airlock: the audit table was modified or a record was removed "
                                + "(see the tamper chain: access audit verify)")
                        .threshold(1)
                        .evaluationPeriods(1)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                        .treatMissingData(TreatMissingData.NOT_BREACHING)
                        .build());
    }

    /** An L1 alarm: its window is a mapping lookup on the parameter, which the L2 Duration cannot hold. */
    private void staleAlarm(String minutes) {
        Map<String, Map<String, Object>> table = new LinkedHashMap<>();
        INTERVAL_MINUTES.forEach(m -> table.put(String.valueOf(m), Map.of(STALE_MINUTES, 2 * m)));
        CfnMapping windows = CfnMapping.Builder.create(this, "StaleWindows").mapping(table).build();
        Number periods = Token.asNumber(windows.findInMap(minutes, STALE_MINUTES));
        CfnAlarm.Builder.create(this, "StaleAlarm")
                .alarmDescription("Airlock: no audit checkpoint for twice the checkpoint interval (event source "
                        + "mapping disabled, audit key disabled, or the checkpoint function failing)")
                .namespace(NAMESPACE)
                .metricName(CHECKPOINT_METRIC)
                .statistic("Sum")
                .period(ONE_MINUTE)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .threshold(1)
                .comparisonOperator("LessThanThreshold")
                .treatMissingData("breaching")
                .build();
    }
}
