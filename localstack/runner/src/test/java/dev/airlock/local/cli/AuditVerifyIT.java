package dev.airlock.local.cli;

import dev.airlock.app.aws.AwsClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code access audit verify} runs the Java verifier (AdminMain, from the runnable jar) against the
 * tables named in {@code local.env}: exit 0 while every chain is intact, 6 with a BREAK line once a
 * record has been altered behind Airlock's back, and 0 again once it is restored.
 */
@ExtendWith(CliAirlock.Shared.class)
class AuditVerifyIT {

    @Test
    void verify_exits0WhenIntact_6AfterARecordIsAltered(CliAirlock airlock, @TempDir Path home) {
        UserHome.withEd25519(home);
        AccessCli olga = airlock.cli(home).with("AIRLOCK_USER", "olga").with("AIRLOCK_GROUPS", "contractors");
        String id = AccessRequestsIT.create(olga, "dba", "audit me");
        // only local.env says where DynamoDB is: no AWS_* variables reach the CLI
        AccessCli verify = olga.with("AIRLOCK_URL", null);

        AccessCli.Result intact = verify.run("audit", "verify");
        assertThat(intact.exitCode()).as(intact.toString()).isZero();
        assertThat(intact.stdout()).contains(" 0 breaks").doesNotContain("BREAK");

        Map<String, AttributeValue> original = airlock.dynamoDb().scanPaginator(ScanRequest.builder()
                        .tableName(airlock.auditTable()).build()).items().stream()
                .filter(item -> item.containsKey("actor") && "olga".equals(item.get("actor").s()))
                .filter(item -> item.values().stream().anyMatch(v -> v.s() != null && v.s().contains(id)))
                .findFirst().orElseThrow(() -> new AssertionError("no audit record of olga's request " + id));
        Map<String, AttributeValue> altered = new HashMap<>(original);
        altered.put("actor", AttributeValue.fromS("mallory"));
        airlock.dynamoDb().putItem(b -> b.tableName(airlock.auditTable()).item(altered));
        try {
            AccessCli.Result broken = verify.run("audit", "verify");
            assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(6);
            assertThat(broken.stdout()).contains("BREAK");
            assertThat(broken.stderr()).contains("access: the audit log is NOT intact");
        } finally {
            airlock.dynamoDb().putItem(b -> b.tableName(airlock.auditTable()).item(original));
        }

        AccessCli.Result restored = verify.run("audit", "verify");
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
    }

    /** Issue #14: a request item set to APPROVED with a fake review and no record is named by the replay. */
    @Test
    void verify_exits6ForARequestApprovedBehindAirlocksBack(CliAirlock airlock, @TempDir Path home) {
        UserHome.withEd25519(home);
        AccessCli olga = airlock.cli(home).with("AIRLOCK_USER", "olga").with("AIRLOCK_GROUPS", "contractors");
        String id = AccessRequestsIT.create(olga, "dba", "forge me");
        AccessCli verify = olga.with("AIRLOCK_URL", null);
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(id));
        Map<String, AttributeValue> original = airlock.dynamoDb().getItem(b -> b.tableName(airlock.requestsTable())
                .key(key).consistentRead(true)).item();
        Instant now = Instant.now();
        Map<String, AttributeValue> forged = new HashMap<>(original);
        forged.put("state", AttributeValue.fromS("APPROVED"));
        forged.put("accessExpiresAt", AttributeValue.fromS(now.plusSeconds(3600).toString()));
        forged.put("resolvedAt", AttributeValue.fromS(now.toString()));
        forged.put("reviews", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("reviewer",
                AttributeValue.fromS("mallory"), "verdict", AttributeValue.fromS("APPROVE"),
                "reason", AttributeValue.fromS(""), "at", AttributeValue.fromS(now.toString()))))));
        airlock.dynamoDb().putItem(b -> b.tableName(airlock.requestsTable()).item(forged));
        try {
            AccessCli.Result broken = verify.run("audit", "verify");
            assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(6);
            assertThat(broken.stdout()).contains("BREAK chain=request#" + id + " seq=0 kind=UNJUSTIFIED_STATE")
                    .contains("kind=REVIEW_MISMATCH").contains("kind=WINDOW_MISMATCH");
        } finally {
            airlock.dynamoDb().putItem(b -> b.tableName(airlock.requestsTable()).item(original));
        }
    }

    /** Issue #14 item 7: a CA key swapped behind Airlock's back (alias re-pointed, no ca record) is named. */
    @Test
    void verify_exits6ForACaKeySwappedWithoutARecord(CliAirlock airlock, @TempDir Path home) {
        AccessCli verify = airlock.cli(home).with("AIRLOCK_URL", null);
        try (AwsClients clients = airlock.awsClients(); KmsClient kms = clients.kms()) {
            String original = kms.describeKey(b -> b.keyId(airlock.caKeyId())).keyMetadata().keyId();
            String swapped = kms.createKey(b -> b.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY))
                    .keyMetadata().keyId();
            kms.updateAlias(b -> b.aliasName(airlock.caKeyId()).targetKeyId(swapped));
            try {
                AccessCli.Result broken = verify.run("audit", "verify");
                assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(6);
                assertThat(broken.stdout()).contains("BREAK chain=ca seq=1 kind=CA_KEY_UNRECORDED");
            } finally {
                kms.updateAlias(b -> b.aliasName(airlock.caKeyId()).targetKeyId(original));
            }
        }
        AccessCli.Result restored = verify.run("audit", "verify");
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
    }

    @Test
    void verify_dynamoDbUnreachable_exits5(CliAirlock airlock, @TempDir Path home) {
        AccessCli.Result result = airlock.cli(home).with("AWS_ENDPOINT_URL", "http://127.0.0.1:9").run("audit", "verify");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(result.stderr()).contains("error:");
    }
}
