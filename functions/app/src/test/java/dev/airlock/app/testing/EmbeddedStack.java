package dev.airlock.app.testing;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.app.aws.AwsClients;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.aws.dynamodb.RoleConfigStore;
import dev.airlock.aws.dynamodb.TableBootstrap;
import dev.airlock.aws.dynamodb.TableNames;
import dev.airlock.core.testing.FixedRoleCatalog;
import dev.airlock.endpoints.EmbeddedAwsServer;
import dev.airlock.endpoints.FaultInjector;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

import java.time.Clock;
import java.util.Map;

/**
 * TEST ONLY: the embedded DynamoDB and KMS endpoints with Airlock's tables, the demo roles and a
 * P-256 CA key under the default alias — what {@code scripts/local-up} bootstraps.
 */
public final class EmbeddedStack implements AutoCloseable {

    private final EmbeddedAwsServer server;
    private final AirlockConfig config;

    private EmbeddedStack(EmbeddedAwsServer server, AirlockConfig config) {
        this.server = server;
        this.config = config;
    }

    public static EmbeddedStack start(Clock clock) {
        EmbeddedAwsServer server = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults());
        AirlockConfig config = AirlockConfig.local(TestTokens.environment(
                Map.of(EnvironmentNames.ENDPOINT_URL, server.endpoint().toString())));
        try (AwsClients clients = new AwsClients(config);
             DynamoDbClient dynamoDb = clients.dynamoDb();
             KmsClient kms = clients.kms()) {
            new TableBootstrap(dynamoDb).ensureTables(tables(config));
            new RoleConfigStore(dynamoDb, tables(config), clock).apply(FixedRoleCatalog.demoYaml(), "test-setup");
            String keyId = kms.createKey(b -> b.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY))
                    .keyMetadata().keyId();
            kms.createAlias(b -> b.aliasName(config.caKeyId()).targetKeyId(keyId));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return new EmbeddedStack(server, config);
    }

    public static TableNames tables(AirlockConfig config) {
        return new TableNames(config.requestsTable(), config.auditTable());
    }

    /** A local configuration pointing at these endpoints, all functions. */
    public AirlockConfig config() {
        return config;
    }

    /** The endpoints' fault injection (docs/ENDPOINTS.md): throttling, 5xx and latency on chosen operations. */
    public FaultInjector faults() {
        return server.faults();
    }

    public String endpoint() {
        return server.endpoint().toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
