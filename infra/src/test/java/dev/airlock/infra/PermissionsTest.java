package dev.airlock.infra;

import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.Routes;
import dev.airlock.core.storage.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who can do what, read back from the synthesized IAM policies. The expected table is written out
 * here independently of {@link Permissions}, so a change to either shows up as a failure.
 */
class PermissionsTest {

    private static final String REQUESTS = "requests";
    private static final String AUDIT = "audit";
    private static final String KEY = "ca-key";
    private static final String LOGS = "own-logs";
    private static final String CURSOR_KEY = "cursor-key";
    private static final String AUDIT_KEY = "audit-key";
    private static final String ANCHOR = "anchor-bucket";
    private static final String NOTIFY_SECRETS = "notify-secrets";
    private static final String ON_FAILURE = "own-on-failure-queue";
    private static final Set<String> STREAM_READ = Set.of("audit/stream/* dynamodb:DescribeStream",
            "audit/stream/* dynamodb:GetRecords", "audit/stream/* dynamodb:GetShardIterator",
            "audit/stream/* dynamodb:ListStreams");
    /** What CDK's SqsDlq grants a function on its own on-failure queue. */
    private static final Set<String> ON_FAILURE_SEND = Set.of(ON_FAILURE + " sqs:SendMessage",
            ON_FAILURE + " sqs:GetQueueAttributes", ON_FAILURE + " sqs:GetQueueUrl");

    private static TemplateJson template;
    private static Map<String, String> labels;

    @BeforeAll
    static void synth() {
        template = SynthesizedStack.defaults();
        labels = new HashMap<>();
        labels.put(template.tableId(Tables.REQUESTS.logicalName()), REQUESTS);
        labels.put(template.tableId(Tables.AUDIT.logicalName()), AUDIT);
        labels.put(template.keyIdByAlias(CaKey.ALIAS), KEY);
        labels.put(template.keyIdByAlias(AuditKey.ALIAS), AUDIT_KEY);
        labels.put(template.environmentTarget(Routes.LIST, "AIRLOCK_CURSOR_KEY_SECRET_ARN"), CURSOR_KEY);
        labels.put(template.environmentTarget(Routes.CHECKPOINT, "AIRLOCK_CHECKPOINT_BUCKET"), ANCHOR);
        labels.put(template.environmentTarget(Routes.NOTIFY, "AIRLOCK_NOTIFY_SECRETS_ARN"), NOTIFY_SECRETS);
    }

    static Stream<Arguments> expectedGrants() {
        return Stream.of(
                Arguments.of(Routes.REQUEST, Set.of(
                        "requests dynamodb:GetItem", "requests dynamodb:PutItem", "requests dynamodb:UpdateItem",
                        "requests dynamodb:ConditionCheckItem", "requests dynamodb:Query",
                        "requests/index/* dynamodb:Query",
                        "audit dynamodb:PutItem", "audit dynamodb:ConditionCheckItem")),
                Arguments.of(Routes.LIST, Set.of(
                        "requests dynamodb:GetItem", "requests dynamodb:Query",
                        "requests/index/* dynamodb:Query", "cursor-key secretsmanager:GetSecretValue",
                        "audit dynamodb:Query", "audit/index/byHolder dynamodb:Query")),
                Arguments.of(Routes.APPROVE, Set.of(
                        "requests dynamodb:GetItem", "requests dynamodb:PutItem", "requests dynamodb:UpdateItem",
                        "requests dynamodb:ConditionCheckItem", "audit dynamodb:PutItem",
                        "audit dynamodb:ConditionCheckItem")),
                Arguments.of(Routes.SIGN, Set.of(
                        "requests dynamodb:GetItem", "requests dynamodb:PutItem", "requests dynamodb:UpdateItem",
                        "requests dynamodb:ConditionCheckItem", "audit dynamodb:PutItem",
                        "audit dynamodb:ConditionCheckItem",
                        "requests/index/byKrl dynamodb:Query", "audit/index/bySerial dynamodb:Query",
                        "ca-key kms:Sign", "ca-key kms:GetPublicKey", "ca-key kms:DescribeKey")),
                Arguments.of(Routes.EXPIRE, Set.of(
                        "requests/index/byExpiry dynamodb:Query", "requests/index/byKrl dynamodb:Query",
                        "requests/index/* dynamodb:Query",
                        "requests dynamodb:GetItem", "requests dynamodb:PutItem", "requests dynamodb:UpdateItem",
                        "audit dynamodb:PutItem", "audit dynamodb:ConditionCheckItem")),
                Arguments.of(Routes.CHECKPOINT, union(STREAM_READ, ON_FAILURE_SEND, Set.of(
                        "requests dynamodb:GetItem", "requests dynamodb:PutItem", "requests dynamodb:UpdateItem",
                        "requests dynamodb:ConditionCheckItem",
                        "audit dynamodb:PutItem", "audit dynamodb:ConditionCheckItem",
                        "audit-key kms:Sign", "audit-key kms:GetPublicKey", "audit-key kms:DescribeKey",
                        "anchor-bucket/checkpoints/* s3:PutObject", "anchor-bucket/checkpoints/* s3:PutObjectRetention"))),
                Arguments.of(Routes.NOTIFY, union(STREAM_READ, ON_FAILURE_SEND, Set.of(
                        "requests dynamodb:GetItem", "notify-secrets secretsmanager:GetSecretValue"))));
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedGrants")
    void eachFunctionHasExactlyItsGrants(String function, Set<String> expected) {
        assertThat(grantsOf(function)).containsExactlyInAnyOrderElementsOf(withOwnLogs(expected));
    }

    @Test
    void expectedTableCoversEveryFunction() {
        assertThat(expectedGrants().map(a -> (String) a.get()[0]))
                .containsExactlyInAnyOrderElementsOf(Catalogue.names());
        assertThat(Permissions.BY_FUNCTION.keySet()).containsExactlyInAnyOrderElementsOf(Catalogue.names());
    }

    /** {@code list} only queries: request chains of the audit table and its by-holder index (a caller's issuance records). */
    @Test
    void listIsReadOnlyAndOnlyQueriesTheAuditAndItsByHolderIndex() {
        assertThat(grantsOf(Routes.LIST))
                .filteredOn(g -> g.startsWith(AUDIT))
                .containsExactlyInAnyOrder(AUDIT + " dynamodb:Query", "audit/index/byHolder dynamodb:Query");
        assertThat(grantsOf(Routes.LIST))
                .filteredOn(g -> g.contains(" dynamodb:"))
                .isNotEmpty()
                .allMatch(g -> g.endsWith(":GetItem") || g.endsWith(":Query"));
    }

    /** {@code list} reads its cursor key, {@code notify} its webhook secrets, nobody anything else (no wildcard). */
    @Test
    void onlyListAndNotifyReadASecret_eachOnlyItsOwn() {
        Map<String, List<String>> expected = Map.of(Routes.LIST, List.of("cursor-key secretsmanager:GetSecretValue"),
                Routes.NOTIFY, List.of("notify-secrets secretsmanager:GetSecretValue"));
        for (String function : Catalogue.names()) {
            List<String> secretGrants = grantsOf(function).stream().filter(g -> g.contains("secretsmanager:")).toList();
            assertThat(secretGrants).as(function).isEqualTo(expected.getOrDefault(function, List.of()));
        }
    }

    /** notify is told of changes and sends them out: it writes no table and touches no key. */
    @Test
    void notifyWritesNothingAndUsesNoKey() {
        assertThat(grantsOf(Routes.NOTIFY))
                .noneMatch(g -> g.contains(" kms:"))
                .noneMatch(g -> g.startsWith(AUDIT + " "))
                .filteredOn(g -> g.startsWith(REQUESTS))
                .containsExactly("requests dynamodb:GetItem");
        assertThat(Permissions.writersOf(Permissions.Target.REQUESTS_TABLE)).doesNotContain(Routes.NOTIFY);
    }

    /** Only the table-stream functions read the audit stream, and only the stream (not the table). */
    @Test
    void onlyTheStreamConsumersReadTheAuditStream() {
        for (String function : Catalogue.names()) {
            boolean consumer = Catalogue.of(function).trigger() instanceof dev.airlock.core.api.Trigger.TableStream;
            assertThat(grantsOf(function).stream().filter(g -> g.startsWith("audit/stream/")).toList()).as(function)
                    .hasSize(consumer ? STREAM_READ.size() : 0);
        }
    }

    /** Only checkpoint may put, only checkpoint objects, and no function may delete or read one back. */
    @Test
    void onlyCheckpointWritesTheAnchor_andOnlyUnderCheckpoints() {
        for (String function : Catalogue.names()) {
            List<String> s3 = grantsOf(function).stream().filter(g -> g.contains(" s3:")).toList();
            assertThat(s3).as(function).isEqualTo(function.equals(Routes.CHECKPOINT)
                    ? List.of("anchor-bucket/checkpoints/* s3:PutObject", "anchor-bucket/checkpoints/* s3:PutObjectRetention")
                    : List.of());
        }
    }

    @Test
    void everyWriterMayPutRequestItemsBecauseTheAdapterWritesByConditionalPut() {
        for (String function : List.of(Routes.REQUEST, Routes.APPROVE, Routes.SIGN, Routes.EXPIRE)) {
            assertThat(grantsOf(function)).as(function).contains("requests dynamodb:PutItem", "audit dynamodb:PutItem");
        }
    }

    @Test
    void noStatementAnywhereMutatesTheAuditOtherThanByPut() {
        for (String function : Catalogue.names()) {
            assertThat(grantsOf(function))
                    .filteredOn(g -> g.startsWith(AUDIT + " "))
                    .allMatch(g -> g.endsWith("dynamodb:PutItem") || g.endsWith("dynamodb:ConditionCheckItem")
                            || (function.equals(Routes.LIST) && g.endsWith("dynamodb:Query")));
        }
    }

    /**
     * The functions write the audit table only inside {@code TransactWriteItems} (docs/AUDIT.md), and
     * IAM enforces it: every statement on the audit table carries the condition, so a standalone
     * {@code PutItem} is denied. Other statements carry none (a condition there would deny the
     * functions' plain reads and writes of the requests table).
     */
    @Test
    void auditWritesAreAllowedOnlyInsideTransactWriteItems_andReadsOnlyOnRequestChains() {
        Map<String, Object> inTransaction =
                Map.of("StringEquals", Map.of("dynamodb:EnclosingOperation", "TransactWriteItems"));
        Map<String, Object> requestChains =
                Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", "request#*"));
        for (String function : Catalogue.names()) {
            List<Map<String, Object>> statements = template.statementsOfRole(template.roleId(function));
            List<Map<String, Object>> onAudit = statements.stream()
                    .filter(s -> TemplateJson.list(s.get("Resource")).stream()
                            .anyMatch(r -> AUDIT.equals(TemplateJson.render(r, labels))))
                    .toList();
            assertThat(onAudit).as(function + " statements on the audit table")
                    .hasSize(function.equals(Routes.NOTIFY) ? 0 : 1)
                    .allSatisfy(s -> assertThat(s.get("Condition")).as(function)
                            .isEqualTo(function.equals(Routes.LIST) ? requestChains : inTransaction));
            assertThat(statements).filteredOn(s -> !onAudit.contains(s))
                    .as(function + " statements elsewhere")
                    .allSatisfy(s -> assertThat(s.get("Condition")).as(function).isNull());
        }
    }

    @Test
    void noPolicyUsesWildcardActionsScanOrBatchWrites() {
        List<String> actions = template.airlockOfType("AWS::IAM::Policy").values().stream()
                .flatMap(p -> TemplateJson.statements(p.get("PolicyDocument")).stream())
                .flatMap(s -> TemplateJson.list(s.get("Action")).stream())
                .map(String::valueOf)
                .toList();
        assertThat(actions).isNotEmpty()
                .noneMatch(a -> a.contains("*"))
                .doesNotContain("dynamodb:Scan", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
                        "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete", "dynamodb:DeleteTable");
    }

    /** Revocation reads issuance records through the by-serial index only: nobody queries the audit table itself. */
    @Test
    void onlySignQueriesTheAuditSerialIndex_andOnlyListQueriesTheAuditTable() {
        for (String function : Catalogue.names()) {
            Set<String> grants = grantsOf(function);
            assertThat(grants.contains("audit/index/bySerial dynamodb:Query")).as(function)
                    .isEqualTo(function.equals(Routes.SIGN));
            assertThat(grants).as(function).doesNotContain("audit dynamodb:GetItem");
            assertThat(grants.contains("audit dynamodb:Query")).as(function).isEqualTo(function.equals(Routes.LIST));
        }
    }

    /** sign uses the CA key, checkpoint the audit key, nobody both and nobody else either. */
    @Test
    void onlySignAndCheckpointHaveKmsPermissions_eachOnItsOwnKey() {
        for (String function : Catalogue.names()) {
            Set<String> keys = new TreeSet<>();
            grantsOf(function).stream().filter(g -> g.contains(" kms:")).forEach(g -> keys.add(g.substring(0, g.indexOf(' '))));
            Set<String> expected = function.equals(Routes.SIGN) ? Set.of(KEY)
                    : function.equals(Routes.CHECKPOINT) ? Set.of(AUDIT_KEY) : Set.of();
            assertThat(keys).as(function).isEqualTo(expected);
        }
    }

    @Test
    void everyFunctionHasItsOwnRoleWithoutManagedPolicies() {
        Set<String> roles = new TreeSet<>();
        for (String function : Catalogue.names()) {
            roles.add(template.roleId(function));
        }
        assertThat(roles).hasSameSizeAs(Catalogue.names());
        assertThat(template.airlockOfType("AWS::IAM::Role").values())
                .allMatch(role -> role.get("ManagedPolicyArns") == null && role.get("Policies") == null);
    }

    /** "resource action" pairs granted to the function's role, with its own log group labelled. */
    private static Set<String> grantsOf(String function) {
        Map<String, String> withLogs = new HashMap<>(labels);
        Object logGroup = ((Map<?, ?>) template.function(function).get("LoggingConfig")).get("LogGroup");
        withLogs.put(TemplateJson.getAttTarget(logGroup).orElseThrow(), LOGS);
        template.onFailureQueueId(function).ifPresent(queue -> withLogs.put(queue, ON_FAILURE));
        Set<String> grants = new TreeSet<>();
        for (Map<String, Object> statement : template.statementsOfRole(template.roleId(function))) {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            for (Object resource : TemplateJson.list(statement.get("Resource"))) {
                for (Object action : TemplateJson.list(statement.get("Action"))) {
                    grants.add(TemplateJson.render(resource, withLogs) + " " + action);
                }
            }
        }
        return grants;
    }

    private static Set<String> withOwnLogs(Set<String> grants) {
        Set<String> all = new TreeSet<>(grants);
        all.add(LOGS + " logs:CreateLogStream");
        all.add(LOGS + " logs:PutLogEvents");
        return all;
    }
}
