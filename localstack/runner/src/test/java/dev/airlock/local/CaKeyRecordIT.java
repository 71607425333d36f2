package dev.airlock.local;

import dev.airlock.app.aws.AwsClients;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.aws.admin.AdminMain;
import dev.airlock.aws.dynamodb.DynamoDbAuditLog;
import dev.airlock.aws.dynamodb.TableNames;
import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.CaKeyRecords;
import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.endpoints.EmbeddedAwsServer;
import dev.airlock.ssh.SshPublicKey;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ca} chain locally: local-up records the CA key once (a restart with the same key writes
 * nothing), {@code verify --ca-key} passes while the served key is the newest record's, and fails with
 * {@code CA_KEY_UNRECORDED} once the key behind the alias is swapped without a record.
 */
class CaKeyRecordIT {

    @Test
    void theCaKeyIsRecordedOnce_andASwapWithoutARecordFailsVerify() throws Exception {
        try (EmbeddedAwsServer aws = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults())) {
            AirlockConfig config = AirlockConfig.local(Map.of(EnvironmentNames.ENDPOINT_URL, aws.endpoint().toString()));
            String served = startAndServe(aws, airlock -> assertThat(verify(aws, config, "--ca-url",
                    airlock.url().toString())).isEqualTo("0"));
            startAndServe(aws, airlock -> { }); // a restart with the same key

            try (AwsClients clients = new AwsClients(config); DynamoDbClient dynamoDb = clients.dynamoDb();
                 KmsClient kms = clients.kms()) {
                List<AuditRecord> ca = caChain(dynamoDb, config);
                assertThat(ca).singleElement().satisfies(record -> {
                    assertThat(record.is(AuditAction.CA_KEY_REGISTERED)).isTrue();
                    assertThat(record.actor()).isEqualTo(LocalAirlock.ROLES_ACTOR);
                    assertThat(record.details()).containsEntry(CaKeyRecords.FINGERPRINT, served)
                            .containsEntry(CaKeyRecords.KEY_SPEC, "ECC_NIST_P256")
                            .hasEntrySatisfying(CaKeyRecords.KEY_ID, id -> assertThat(id).startsWith("arn:aws:kms:"));
                });
                assertThat(verify(aws, config, "--ca-key", config.caKeyId())).isEqualTo("0");

                // WHEN the alias is re-pointed to a new key behind Airlock's back
                String swapped = kms.createKey(b -> b.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY))
                        .keyMetadata().keyId();
                kms.updateAlias(b -> b.aliasName(config.caKeyId()).targetKeyId(swapped));

                // THEN verify names the break by its kind
                assertThat(verify(aws, config, "--ca-key", config.caKeyId())).startsWith("1")
                        .contains("chain=ca seq=1 kind=CA_KEY_UNRECORDED");

                // AND a start with the new key records it, after which verify passes again, by KMS and by GET /ca
                String newServed = startAndServe(aws, airlock -> {
                    assertThat(verify(aws, config, "--ca-url", airlock.url().toString())).isEqualTo("0");
                    // a newer record naming a key the deployment does not serve: GET /ca disagrees with it
                    new DynamoDbAuditLog(dynamoDb, new TableNames(config.requestsTable(), config.auditTable()),
                            Clock.systemUTC()).append(AuditChains.CA, "mallory", AuditAction.CA_KEY_REGISTERED,
                            Map.of(CaKeyRecords.FINGERPRINT, served));
                    assertThat(verify(aws, config, "--ca-url", airlock.url().toString())).startsWith("1")
                            .contains("chain=ca seq=3 kind=CA_KEY_UNRECORDED");
                });
                assertThat(newServed).isNotEqualTo(served);
                assertThat(caChain(dynamoDb, config)).extracting(r -> r.details().get(CaKeyRecords.FINGERPRINT))
                        .containsExactly(served, newServed, served);
            }
        }
    }

    /**
     * Starts local Airlock on {@code aws}, runs {@code whileUp}, returns the fingerprint of the key
     * {@code GET /ca} serves, stops it.
     */
    private static String startAndServe(EmbeddedAwsServer aws, Consumer<LocalAirlock> whileUp) throws Exception {
        LocalAirlock.Settings inMemory = LocalAirlock.Settings.inMemory(DemoConfigTest.builtIn("roles.yaml"),
                DemoUsers.parse(DemoConfigTest.builtIn(DemoUsers.FILE_NAME)), Clock.systemUTC());
        LocalAirlock.Settings settings = new LocalAirlock.Settings(0, Optional.of(aws.endpoint()), Optional.empty(),
                Optional.empty(), "ECC_NIST_P256", Optional.empty(), inMemory.rolesYaml(), inMemory.demoUsers(), Map.of(),
                Clock.systemUTC());
        try (LocalAirlock airlock = LocalAirlock.start(settings)) {
            Api api = new Api(airlock.url());
            String line = api.get("/ca", api.token("bob")).body().strip();
            whileUp.accept(airlock);
            return SshPublicKey.parse(line).fingerprint();
        }
    }

    private static List<AuditRecord> caChain(DynamoDbClient dynamoDb, AirlockConfig config) {
        TableNames tables = new TableNames(config.requestsTable(), config.auditTable());
        return new DynamoDbAuditLog(dynamoDb, tables, Clock.systemUTC()).read(AuditChains.CA);
    }

    /** AdminMain verify with the served CA key read as {@code how} says: "0", or the exit code and the output. */
    private static String verify(EmbeddedAwsServer aws, AirlockConfig config, String how, String where) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            code = AdminMain.run(new String[] {"verify", "--endpoint", aws.endpoint().toString(),
                    "--requests-table", config.requestsTable(), "--audit-table", config.auditTable(),
                    how, where}, Map.of(), print, print);
        }
        String output = out.toString(StandardCharsets.UTF_8);
        return code == 0 ? "0" : code + "\n" + output;
    }
}
