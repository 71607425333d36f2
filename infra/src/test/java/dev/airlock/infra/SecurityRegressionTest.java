package dev.airlock.infra;

import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.Routes;
import dev.airlock.core.api.Trigger;
import dev.airlock.core.storage.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The least-privilege findings (docs/SECURITY.md) and the invocation scope of the functions, read back statement by
 * statement from the synthesized template: who may sign, who may change the key policy, who may
 * write or reconfigure the tables. Each assertion names what must hold and what must be absent.
 * Expected values are written out here, independently of {@link CaKeyPolicy} and
 * {@link TablePolicies}, so a change to either shows up as a failure.
 */
class SecurityRegressionTest {

    private static final String PARAM = "KeyAdministratorRoleArn";
    private static final Object ADMIN = Map.of("Ref", PARAM);
    /** What a key-policy wildcard or these actions would let their holder loosen (KMS API reference). */
    private static final Set<String> KEY_LOOSENING = Set.of("kms:PutKeyPolicy", "kms:CreateGrant", "kms:ScheduleKeyDeletion");
    private static final Set<String> TABLE_MANAGEMENT = Set.of("dynamodb:DeleteTable", "dynamodb:UpdateTable",
            "dynamodb:UpdateContinuousBackups", "dynamodb:PutResourcePolicy", "dynamodb:DeleteResourcePolicy",
            "dynamodb:UpdateTimeToLive");
    /**
     * The functions that write the tables (PermissionsTest lists their grants); list and notify only read.
     * checkpoint appends tamper records and keeps its bookkeeping in the requests table.
     */
    private static final List<String> WRITERS =
            List.of(Routes.REQUEST, Routes.APPROVE, Routes.SIGN, Routes.EXPIRE, Routes.CHECKPOINT);

    private static TemplateJson template;

    @BeforeAll
    static void synth() {
        template = SynthesizedStack.defaults();
    }

    /** Finding 6: administrators could delete the deny that keeps everyone but {@code sign} from signing. */
    @Nested
    class KeyPolicy {

        private List<Map<String, Object>> statements() {
            return TemplateJson.statements(caKey().get("KeyPolicy"));
        }

        @Test
        void statementsAreExactlyTheseFive() {
            assertThat(statements()).extracting(s -> s.get("Sid")).containsExactly(
                    "KeyAdministrationWithoutUse", "KeyAdministratorChangesPolicy", "SignFunctionSigns",
                    "NobodyElseSigns", "NobodyButTheKeyAdministratorLoosensTheKey");
        }

        @Test
        void noUnconditionalAllowGivesAnyLooseningActionOrWildcard() {
            assertThat(statements()).filteredOn(s -> "Allow".equals(s.get("Effect")))
                    .filteredOn(s -> s.get("Condition") == null)
                    .isNotEmpty()
                    .allSatisfy(s -> assertThat(actions(s)).as((String) s.get("Sid"))
                            .doesNotContainAnyElementsOf(KEY_LOOSENING)
                            .noneMatch(a -> a.contains("*")));
        }

        @Test
        void everyAllowOfALooseningActionIsForTheKeyAdministratorOnly() {
            List<Map<String, Object>> loosening = statements().stream()
                    .filter(s -> "Allow".equals(s.get("Effect")))
                    .filter(s -> actions(s).stream().anyMatch(a -> KEY_LOOSENING.contains(a) || a.contains("*")))
                    .toList();
            assertThat(loosening).singleElement().satisfies(s -> {
                assertThat(s.get("Sid")).isEqualTo("KeyAdministratorChangesPolicy");
                assertThat(actions(s)).containsExactlyInAnyOrder("kms:PutKeyPolicy", "kms:ScheduleKeyDeletion");
                assertThat(s.get("Condition")).isEqualTo(Map.of("ArnEquals", Map.of("aws:PrincipalArn", ADMIN)));
                assertThat(actions(s)).doesNotContain("kms:Sign", "kms:GetPublicKey", "kms:CreateGrant");
            });
        }

        @Test
        void everyoneButTheKeyAdministratorIsDeniedTheLooseningActions() {
            Map<String, Object> deny = bySid(statements(), "NobodyButTheKeyAdministratorLoosensTheKey");
            assertThat(deny.get("Effect")).isEqualTo("Deny");
            assertThat(deny.get("Principal")).isEqualTo(Map.of("AWS", "*"));
            assertThat(actions(deny)).containsExactlyInAnyOrderElementsOf(KEY_LOOSENING);
            assertThat(deny.get("Condition")).isEqualTo(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", ADMIN)));
        }

        @Test
        void theDenyOnSigningForEveryoneButTheSignRoleStays() {
            Map<String, Object> deny = bySid(statements(), "NobodyElseSigns");
            assertThat(deny.get("Effect")).isEqualTo("Deny");
            assertThat(deny.get("Principal")).isEqualTo(Map.of("AWS", "*"));
            assertThat(actions(deny)).containsExactly("kms:Sign");
            assertThat(deny.get("Condition")).isEqualTo(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", roleArn(Routes.SIGN))));
        }

        @Test
        void theKeyAdministratorIsNotExemptFromTheSigningDeny() {
            assertThat(statements()).filteredOn(s -> actions(s).contains("kms:Sign"))
                    .allSatisfy(s -> assertThat(s.toString()).doesNotContain(PARAM));
        }

        @Test
        void theLockoutSafetyCheckIsNotBypassed() {
            assertThat(caKey())
                    .doesNotContainKey("BypassPolicyLockoutSafetyCheck");
        }
    }

    @Nested
    class KeyAdministratorParameter {

        @SuppressWarnings("unchecked")
        private Map<String, Object> parameter() {
            return (Map<String, Object>) template.section("Parameters").get(PARAM);
        }

        @Test
        void isARoleArnParameterWithTheContextDefault() {
            assertThat(parameter()).isNotNull()
                    .containsEntry("Type", "String")
                    .containsEntry("Default", SynthesizedStack.KEY_ADMINISTRATOR);
            assertThat((String) parameter().get("Description")).containsIgnoringCase("break-glass");
        }

        @Test
        void acceptsOnlyRoleArns() {
            Pattern allowed = Pattern.compile((String) parameter().get("AllowedPattern"));
            assertThat(allowed.matcher("arn:aws:iam::123456789012:role/airlock-key-admin").matches()).isTrue();
            assertThat(allowed.matcher("arn:aws-us-gov:iam::123456789012:role/ops/break-glass").matches()).isTrue();
            for (String wrong : List.of("", "*", "arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:user/alice",
                    "arn:aws:iam::*:role/x", "arn:aws:sts::123456789012:assumed-role/x/s", "airlock-key-admin")) {
                assertThat(allowed.matcher(wrong).matches()).as(wrong).isFalse();
            }
        }
    }

    /** Finding 7: the audit table's policy left PutItem (overwrite) and its own protections open. */
    @Nested
    class AuditTablePolicy {

        private final String table = Tables.AUDIT.logicalName();

        @Test
        void statementsAreExactlyTheseThree() {
            assertThat(tablePolicy(table)).extracting(s -> s.get("Sid")).containsExactly(
                    "OnlyAirlockWrites", "AuditIsAppendOnly", "OnlyTheKeyAdministratorManagesTheTable");
            assertThat(tablePolicy(table)).allSatisfy(s -> {
                assertThat(s.get("Effect")).isEqualTo("Deny");
                assertThat(s.get("Principal")).isEqualTo(Map.of("AWS", "*"));
                assertThat(TemplateJson.render(s.get("Resource"), Map.of())).endsWith(":table/" + table);
            });
        }

        @Test
        void appendsAreDeniedToEveryPrincipalButTheWritingFunctionsAndTheKeyAdministrator() {
            Map<String, Object> deny = bySid(tablePolicy(table), "OnlyAirlockWrites");
            assertThat(actions(deny)).containsExactlyInAnyOrder("dynamodb:PutItem", "dynamodb:ConditionCheckItem");
            assertThat(exemptPrincipals(deny)).containsExactlyInAnyOrderElementsOf(writersAndAdmin());
            assertThat(exemptPrincipals(deny)).as("list and notify never write")
                    .doesNotContain(roleArn(Routes.LIST), roleArn(Routes.NOTIFY));
        }

        @Test
        void rewritesAndDeletesAreDeniedToEveryoneWithoutException() {
            Map<String, Object> deny = bySid(tablePolicy(table), "AuditIsAppendOnly");
            assertThat(actions(deny)).containsExactlyInAnyOrder("dynamodb:UpdateItem", "dynamodb:DeleteItem",
                    "dynamodb:BatchWriteItem", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete");
            assertThat(deny.get("Condition")).isNull();
        }

        @Test
        void settingsThatCouldLoosenItAreDeniedToAllButTheKeyAdministrator() {
            assertManagementDenied(table);
        }
    }

    /** The requests table holds the state the sign function trusts, so its writers are pinned too. */
    @Nested
    class RequestsTablePolicy {

        private final String table = Tables.REQUESTS.logicalName();

        @Test
        void statementsAreExactlyTheseTwo() {
            assertThat(tablePolicy(table)).extracting(s -> s.get("Sid"))
                    .containsExactly("OnlyAirlockWrites", "OnlyTheKeyAdministratorManagesTheTable");
        }

        @Test
        void writesAreDeniedToEveryPrincipalButTheWritingFunctionsAndTheKeyAdministrator() {
            Map<String, Object> deny = bySid(tablePolicy(table), "OnlyAirlockWrites");
            assertThat(actions(deny)).containsExactlyInAnyOrder("dynamodb:PutItem", "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem",
                    "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete");
            assertThat(exemptPrincipals(deny)).containsExactlyInAnyOrderElementsOf(writersAndAdmin());
        }

        @Test
        void settingsThatCouldLoosenItAreDeniedToAllButTheKeyAdministrator() {
            assertManagementDenied(table);
        }
    }

    /** Who may invoke a function through its resource policy: this API's routes and the schedule only. */
    @Nested
    class Invocation {

        @Test
        void everyPermissionIsScopedToOneRouteOfThisApisStageOrToTheScheduleRule() {
            String apiId = template.ofType("AWS::ApiGatewayV2::Api").keySet().iterator().next();
            Set<String> expected = new TreeSet<>();
            // the one stage and the route's own method: a route or stage added later by hand cannot invoke
            Routes.ALL.forEach(r -> expected.add(
                    r.function() + " apigateway " + apiId + "/$default/" + r.method() + r.pathTemplate()));
            // the schedule's rule, and the heartbeat rule of a stream trigger that has one: each only its own
            expected.add(Routes.EXPIRE + " events " + ruleTargeting(Routes.EXPIRE));
            Catalogue.ofKind(Trigger.Kind.TABLE_STREAM).stream()
                    .filter(f -> ((Trigger.TableStream) f.trigger()).heartbeat().isPresent())
                    .forEach(f -> expected.add(f.name() + " events " + ruleTargeting(f.name())));
            Set<String> actual = new TreeSet<>();
            template.ofType("AWS::Lambda::Permission").values().forEach(p -> {
                assertThat(p.get("Action")).isEqualTo("lambda:InvokeFunction");
                String service = ((String) p.get("Principal")).replace(".amazonaws.com", "");
                String source = TemplateJson.render(p.get("SourceArn"), Map.of());
                String scope = service.equals("events") ? source : source.substring(source.indexOf(apiId));
                actual.add(functionOfAlias(p.get("FunctionName")) + " " + service + " " + scope);
            });
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        }

        private String ruleTargeting(String function) {
            Object alias = Map.of("Ref", template.aliasId(function));
            return template.ofType("AWS::Events::Rule").entrySet().stream()
                    .filter(rule -> TemplateJson.list(rule.getValue().get("Targets")).stream()
                            .anyMatch(t -> alias.equals(((Map<?, ?>) t).get("Arn"))))
                    .map(Map.Entry::getKey).reduce((a, b) -> {
                        throw new AssertionError("two rules target " + function + ": " + a + ", " + b);
                    }).orElseThrow(() -> new AssertionError("no rule targets " + function));
        }

        @Test
        void thereIsNoFunctionUrlAndNoOtherPrincipal() {
            assertThat(template.ofType("AWS::Lambda::Url")).isEmpty();
            assertThat(template.ofType("AWS::Lambda::Permission").values())
                    .extracting(p -> p.get("Principal"))
                    .containsOnly("apigateway.amazonaws.com", "events.amazonaws.com");
        }

        private String functionOfAlias(Object aliasRef) {
            for (String function : Catalogue.names()) {
                if (Map.of("Ref", template.aliasId(function)).equals(aliasRef)) {
                    return function;
                }
            }
            throw new AssertionError("permission on something other than a live alias: " + aliasRef);
        }
    }

    private static void assertManagementDenied(String table) {
        Map<String, Object> deny = bySid(tablePolicy(table), "OnlyTheKeyAdministratorManagesTheTable");
        assertThat(actions(deny)).containsExactlyInAnyOrderElementsOf(TABLE_MANAGEMENT);
        assertThat(deny.get("Condition")).isEqualTo(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", ADMIN)));
        assertThat(tablePolicy(table)).as("no statement of the table's policy allows anything")
                .noneMatch(s -> "Allow".equals(s.get("Effect")));
    }

    private static Map<String, Object> caKey() {
        return template.ofType("AWS::KMS::Key").get(template.keyIdByAlias(CaKey.ALIAS));
    }

    private static List<Map<String, Object>> tablePolicy(String tableName) {
        Map<?, ?> policy = (Map<?, ?>) template.ofType("AWS::DynamoDB::Table").get(template.tableId(tableName))
                .get("ResourcePolicy");
        assertThat(policy).as(tableName + " resource policy").isNotNull();
        return TemplateJson.statements(policy.get("PolicyDocument"));
    }

    private static Map<String, Object> bySid(List<Map<String, Object>> statements, String sid) {
        return statements.stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + statements));
    }

    private static List<String> actions(Map<String, Object> statement) {
        return TemplateJson.list(statement.get("Action")).stream().map(String::valueOf).toList();
    }

    /** The principals an {@code ArnNotEquals aws:PrincipalArn} deny leaves out, or fails when it has another condition. */
    private static List<Object> exemptPrincipals(Map<String, Object> deny) {
        @SuppressWarnings("unchecked")
        Map<String, Object> condition = (Map<String, Object>) deny.get("Condition");
        assertThat(condition).as("condition of " + deny.get("Sid")).isNotNull().containsOnlyKeys("ArnNotEquals");
        @SuppressWarnings("unchecked")
        Map<String, Object> notEquals = (Map<String, Object>) condition.get("ArnNotEquals");
        assertThat(notEquals).containsOnlyKeys("aws:PrincipalArn");
        return TemplateJson.list(notEquals.get("aws:PrincipalArn"));
    }

    private static List<Object> writersAndAdmin() {
        List<Object> expected = new ArrayList<>(WRITERS.stream().map(SecurityRegressionTest::roleArn).toList());
        expected.add(ADMIN);
        return expected;
    }

    private static Object roleArn(String function) {
        return Map.of("Fn::GetAtt", List.of(template.roleId(function), "Arn"));
    }
}
