package dev.airlock.aws.admin;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.aws.dynamodb.DynamoDbAuditLog;
import dev.airlock.aws.dynamodb.DynamoDbFixture;
import dev.airlock.aws.dynamodb.DynamoDbAccessRequestStore;
import dev.airlock.aws.dynamodb.NotificationConfigItemStore;
import dev.airlock.aws.dynamodb.RoleConfigStore;
import dev.airlock.aws.dynamodb.TestRequests;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.Review;
import dev.airlock.domain.request.Verdict;
import dev.airlock.aws.dynamodb.TestRoles;
import dev.airlock.core.storage.Tables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin commands end to end against the embedded endpoint, as the CLI runs them. */
class AdminMainIT {

    private DynamoDbFixture fixture;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        fixture = DynamoDbFixture.create();
    }

    @Test
    void createTables_shouldCreateMissingTablesIdempotently() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> args = List.of("create-tables", "--requests-table", "r-" + suffix, "--audit-table", "a-" + suffix);

        assertThat(run(args)).isEqualTo(AdminMain.OK);
        assertThat(run(args)).isEqualTo(AdminMain.OK);
        assertThat(fixture.client().listTables().tableNames()).contains("r-" + suffix, "a-" + suffix);
    }

    @Test
    void verify_shouldExitZeroForIntactChains() {
        new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC())
                .append(AuditChains.CA, "system", AuditAction.CERTIFICATE_ISSUED, Map.of());

        assertThat(run(List.of("verify"))).isEqualTo(AdminMain.OK);
        assertThat(stdout()).isEqualTo("OK: 1 chains, 1 records, 0 breaks\n");
    }

    @Test
    void verify_shouldPrintEachBreakAndExitOne() {
        DynamoDbAuditLog audit = new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC());
        audit.append(AuditChains.CA, "system", AuditAction.CERTIFICATE_ISSUED, Map.of());
        audit.append(AuditChains.CA, "system", AuditAction.CERTIFICATE_ISSUED, Map.of());
        fixture.client().deleteItem(b -> b.tableName(fixture.tables().audit()).key(Map.of(
                Tables.AUDIT_CHAIN, AttributeValue.builder().s("ca").build(),
                Tables.AUDIT_SEQ, AttributeValue.builder().n("1").build())));

        assertThat(run(List.of("verify"))).isEqualTo(AdminMain.BREAKS_FOUND);
        assertThat(stdout()).isEqualTo("BREAK chain=ca seq=1 kind=DELETED: record 1 is missing\n"
                + "FAILED: 1 chains, 1 records, 1 break\n");
    }

    @Test
    void verify_shouldNameARequestItemItsChainDoesNotJustify() {
        DynamoDbAccessRequestStore store = fixture.store();
        AccessRequest pending = TestRequests.pending("bob", Instant.now());
        AccessRequest stored = store.create(pending, TestRequests.created(pending), Optional.empty());
        Instant now = Instant.now();
        AccessRequest forged = stored.applyReview(new Review("mallory", Verdict.APPROVE, "", now), now);
        fixture.client().putItem(b -> b.tableName(fixture.tables().requests())
                .item(TestRequests.itemOf(forged)));

        assertThat(run(List.of("verify"))).isEqualTo(AdminMain.BREAKS_FOUND);
        String chain = "request#" + forged.id();
        assertThat(stdout()).isEqualTo("BREAK chain=" + chain + " seq=0 kind=UNJUSTIFIED_STATE: the request is "
                + "APPROVED but its records lead to PENDING\n"
                + "BREAK chain=" + chain + " seq=0 kind=REVIEW_MISMATCH: the request lists 1 review(s) that are not "
                + "the 0 its records name\n"
                + "BREAK chain=" + chain + " seq=0 kind=WINDOW_MISMATCH: the request's expiry times are not the ones "
                + "its records name\n"
                + "FAILED: 1 chains, 1 records, 3 breaks\n");
    }

    @Test
    void applyRoles_shouldStoreAValidFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("roles.yaml"), TestRoles.text("reviewers.yaml"));

        assertThat(run(List.of("apply-roles", file.toString(), "--actor", "ops"))).isEqualTo(AdminMain.OK);
        assertThat(stdout()).startsWith("applied role configuration version 1");
        RoleConfigStore store = new RoleConfigStore(fixture.client(), fixture.tables(), Clock.systemUTC());
        assertThat(store.load().orElseThrow().appliedBy()).isEqualTo("ops");
        assertThat(run(List.of("verify"))).isEqualTo(AdminMain.OK);
    }

    @Test
    void applyRoles_shouldRefuseAnInvalidOrMissingFileAndWriteNothing(@TempDir Path dir) throws IOException {
        Path invalid = Files.writeString(dir.resolve("bad.yaml"), TestRoles.text("invalid.yaml"));

        assertThat(run(List.of("apply-roles", invalid.toString()))).isEqualTo(AdminMain.INVALID_INPUT);
        assertThat(stderr()).contains("invalid_role_file").contains("colour");
        assertThat(run(List.of("apply-roles", dir.resolve("absent.yaml").toString()))).isEqualTo(AdminMain.INVALID_INPUT);
        assertThat(new RoleConfigStore(fixture.client(), fixture.tables(), Clock.systemUTC()).load()).isEmpty();
    }

    @Test
    void applyNotifications_shouldStoreAValidFile_andRefuseAnInvalidOne(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "targets: {ops: {type: pager, url_secret: u}}\n");
        assertThat(run(List.of("apply-notifications", bad.toString()))).isEqualTo(AdminMain.INVALID_INPUT);
        assertThat(stderr()).contains("invalid_notification_file").contains("pager");
        NotificationConfigItemStore store = new NotificationConfigItemStore(fixture.client(), fixture.tables(),
                Clock.systemUTC());
        assertThat(store.load()).isEmpty();

        Path file = Files.writeString(dir.resolve("notifications.yaml"),
                "targets: {ops: {type: slack, url_secret: ops-url}}\nroutes: [{events: ['*'], targets: [ops]}]\n");
        assertThat(run(List.of("apply-notifications", file.toString(), "--actor", "ops"))).isEqualTo(AdminMain.OK);
        assertThat(stdout()).startsWith("applied notification configuration version 1");
        assertThat(store.load().orElseThrow().appliedBy()).isEqualTo("ops");
        assertThat(run(List.of("verify"))).isEqualTo(AdminMain.OK);
    }

    @Test
    void verify_shouldExitFourWhenTheTablesCannotBeRead() {
        int code = run(List.of("verify", "--requests-table", "no-such-requests", "--audit-table", "no-such-audit"));

        assertThat(code).isEqualTo(AdminMain.FAILED);
        assertThat(stderr()).contains("table_missing");
    }

    private int run(List<String> args) {
        List<String> all = new ArrayList<>(args);
        if (!all.contains("--requests-table")) {
            all.addAll(List.of("--requests-table", fixture.tables().requests(), "--audit-table", fixture.tables().audit()));
        }
        out.reset();
        err.reset();
        return AdminMain.run(all.toArray(String[]::new), Map.of("AWS_ENDPOINT_URL", fixture.endpoint()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
