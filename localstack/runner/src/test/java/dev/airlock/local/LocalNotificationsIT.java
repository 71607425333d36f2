package dev.airlock.local;

import dev.airlock.aws.dynamodb.DynamoDbAuditLog;
import dev.airlock.aws.dynamodb.NotificationConfigItemStore;
import dev.airlock.aws.dynamodb.TableNames;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** local-up's routing goes through the audited path once, and a restart with the same flags adds nothing. */
class LocalNotificationsIT {

    @TempDir
    Path home;

    @Test
    void apply_shouldStoreTheRoutingWithItsAuditRecord_once() {
        try (LocalAirlockFixture local = LocalAirlockFixture.start(Clock.systemUTC())) {
            LocalUpOptions.Notifications flags = new LocalUpOptions.Notifications(
                    Optional.of(URI.create("http://127.0.0.1:9/hook")), Optional.empty(), Optional.empty());
            LocalNotifications.Prepared prepared = LocalNotifications.prepare(flags, home).orElseThrow();

            LocalNotifications.apply(local.airlock().config(), prepared.routingYaml(), Clock.systemUTC());
            LocalNotifications.apply(local.airlock().config(), prepared.routingYaml(), Clock.systemUTC());

            TableNames tables = new TableNames(local.airlock().config().requestsTable(),
                    local.airlock().config().auditTable());
            assertThat(new NotificationConfigItemStore(local.airlock().dynamoDb(), tables, Clock.systemUTC()).load()
                    .orElseThrow().yaml()).isEqualTo(prepared.routingYaml());
            assertThat(new DynamoDbAuditLog(local.airlock().dynamoDb(), tables, Clock.systemUTC())
                    .read(AuditChains.CONFIG)).extracting(AuditRecord::action)
                    .containsOnlyOnce("notifications.applied");
        }
    }
}
