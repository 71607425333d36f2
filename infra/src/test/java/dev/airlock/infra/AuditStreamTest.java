package dev.airlock.infra;

import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.FunctionSpec;
import dev.airlock.core.api.Trigger;
import dev.airlock.core.storage.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit table's stream and every table-stream function's event source mapping, queue and alarm. */
class AuditStreamTest {

    private static final Object ADMIN = Map.of("Ref", KeyAdministrator.PARAMETER);
    private static TemplateJson template;

    @BeforeAll
    static void synth() {
        template = SynthesizedStack.defaults();
    }

    private static List<String> streamFunctions() {
        return Catalogue.ofKind(Trigger.Kind.TABLE_STREAM).stream().map(FunctionSpec::name).toList();
    }

    @Test
    void theAuditTableStreamsOldAndNewImages_theRequestsTableNothing() {
        Map<String, Map<String, Object>> tables = template.ofType("AWS::DynamoDB::Table");
        assertThat(tables.get(template.tableId(Tables.AUDIT.logicalName())).get("StreamSpecification"))
                .isEqualTo(Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"));
        assertThat(tables.get(template.tableId(Tables.REQUESTS.logicalName()))).doesNotContainKey("StreamSpecification");
    }

    @Test
    void checkpointAndNotifyAreTheStreamFunctions() {
        assertThat(streamFunctions()).containsExactlyInAnyOrder("checkpoint", "notify");
    }

    /** A quiet table invokes no stream function; checkpoint's heartbeat still takes the due checkpoint. */
    @Test
    void checkpointHasAOneMinuteHeartbeatRule_notifyNone() {
        for (String function : streamFunctions()) {
            Object alias = Map.of("Ref", template.aliasId(function));
            List<Map<String, Object>> rules = template.ofType("AWS::Events::Rule").values().stream()
                    .filter(rule -> TemplateJson.list(rule.get("Targets")).stream()
                            .anyMatch(t -> alias.equals(((Map<?, ?>) t).get("Arn"))))
                    .toList();
            if (function.equals("checkpoint")) {
                assertThat(rules).as(function).singleElement()
                        .satisfies(rule -> assertThat(rule.get("ScheduleExpression")).isEqualTo("rate(1 minute)"));
                assertThat(template.ofType("AWS::Lambda::Permission").values()).as(function)
                        .anySatisfy(p -> {
                            assertThat(p.get("Principal")).isEqualTo("events.amazonaws.com");
                            assertThat(p.get("FunctionName")).isEqualTo(alias);
                        });
            } else {
                assertThat(rules).as(function).isEmpty();
            }
        }
    }

    @Test
    void everyStreamFunctionHasOneMappingOnTheAuditStream_withPartialBatchResponsesAndBoundedRetries() {
        Object auditStream = Map.of("Fn::GetAtt", List.of(template.tableId(Tables.AUDIT.logicalName()), "StreamArn"));
        for (String function : streamFunctions()) {
            assertThat(template.eventSourceMappings(function)).as(function).singleElement().satisfies(m -> {
                assertThat(m.get("EventSourceArn")).isEqualTo(auditStream);
                assertThat(m.get("StartingPosition")).isEqualTo("TRIM_HORIZON");
                assertThat(m.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
                assertThat(m.get("BisectBatchOnFunctionError")).isEqualTo(true);
                assertThat(m.get("MaximumRetryAttempts")).isEqualTo(10);
                assertThat(m.get("MaximumRecordAgeInSeconds")).isEqualTo(86_400);
                assertThat(m.get("ParallelizationFactor")).isEqualTo(1);
                assertThat(m).doesNotContainKey("Enabled"); // enabled is the default; false would be a silent stop
            });
        }
        assertThat(template.ofType("AWS::Lambda::EventSourceMapping")).hasSameSizeAs(streamFunctions());
    }

    @Test
    void eachMappingGivesUpIntoItsOwnEncryptedTlsOnlyQueue_whichRaisesAnAlarm() {
        Map<String, Map<String, Object>> queues = template.ofType("AWS::SQS::Queue");
        assertThat(queues).hasSameSizeAs(streamFunctions());
        for (String function : streamFunctions()) {
            String queue = template.onFailureQueueId(function).orElseThrow(() -> new AssertionError(function));
            assertThat(queues.get(queue)).as(function).containsEntry("SqsManagedSseEnabled", true)
                    .containsEntry("MessageRetentionPeriod", 1_209_600);
            assertThat(queuePolicy(queue)).singleElement().satisfies(s -> {
                assertThat(s.get("Effect")).isEqualTo("Deny");
                assertThat(s.get("Condition")).isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", "false")));
            });
            Object dimension = List.of(Map.of("Name", "QueueName", "Value", Map.of("Fn::GetAtt", List.of(queue, "QueueName"))));
            assertThat(template.ofType("AWS::CloudWatch::Alarm").values()).as(function + " on-failure alarm")
                    .filteredOn(a -> dimension.equals(a.get("Dimensions")))
                    .singleElement().satisfies(a -> {
                        assertThat(a.get("MetricName")).isEqualTo("ApproximateNumberOfMessagesVisible");
                        assertThat(a.get("Threshold")).isEqualTo(1);
                        assertThat(a.get("ComparisonOperator")).isEqualTo("GreaterThanOrEqualToThreshold");
                    });
        }
    }

    /**
     * Turning the stream off is an {@code UpdateTable} (StreamSpecification.StreamEnabled=false): the audit
     * table's resource policy denies it to every principal but the key administrator.
     */
    @Test
    void disablingTheStreamIsDeniedToAllButTheKeyAdministrator() {
        Map<?, ?> policy = (Map<?, ?>) template.ofType("AWS::DynamoDB::Table")
                .get(template.tableId(Tables.AUDIT.logicalName())).get("ResourcePolicy");
        assertThat(TemplateJson.statements(policy.get("PolicyDocument")))
                .filteredOn(s -> TemplateJson.list(s.get("Action")).contains("dynamodb:UpdateTable"))
                .singleElement().satisfies(s -> {
                    assertThat(s.get("Effect")).isEqualTo("Deny");
                    assertThat(s.get("Principal")).isEqualTo(Map.of("AWS", "*"));
                    assertThat(s.get("Condition")).isEqualTo(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", ADMIN)));
                });
    }

    private static List<Map<String, Object>> queuePolicy(String queueId) {
        return template.ofType("AWS::SQS::QueuePolicy").values().stream()
                .filter(p -> List.of(Map.of("Ref", queueId)).equals(p.get("Queues")))
                .flatMap(p -> TemplateJson.statements(p.get("PolicyDocument")).stream())
                .toList();
    }
}
