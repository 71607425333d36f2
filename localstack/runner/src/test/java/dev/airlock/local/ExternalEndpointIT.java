package dev.airlock.local;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.app.aws.AwsClients;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.endpoints.EmbeddedAwsServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --aws-endpoint}: with an AWS endpoint already running (here a separate embedded server
 * standing in for LocalStack/Floci), local Airlock bootstraps and stores everything there, starts no
 * endpoint of its own, and leaves the outside one running when it stops.
 */
class ExternalEndpointIT {

    @Test
    void anExternalEndpointIsUsedAndOutlivesLocalAirlock() throws Exception {
        try (EmbeddedAwsServer external = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults())) {
            LocalAirlock.Settings inMemory = LocalAirlock.Settings.inMemory(DemoConfigTest.builtIn("roles.yaml"),
                    DemoUsers.parse(DemoConfigTest.builtIn(DemoUsers.FILE_NAME)), Clock.systemUTC());
            LocalAirlock.Settings settings = new LocalAirlock.Settings(0, Optional.of(external.endpoint()),
                    Optional.empty(), Optional.empty(), "RSA_3072", Optional.empty(), inMemory.rolesYaml(),
                    inMemory.demoUsers(), Map.of(), Clock.systemUTC());
            String id;
            try (LocalAirlock airlock = LocalAirlock.start(settings)) {
                assertThat(airlock.awsEndpoint()).isEqualTo(external.endpoint());
                assertThat(airlock.caKey().keySpec()).isEqualTo("RSA_3072");
                Api api = new Api(airlock.url());
                id = api.createRequest(api.token("bob"), List.of("dba"), "INC-8");
                assertThat(api.get("/ca", api.token("bob")).body()).startsWith("ssh-rsa ");
            }

            AirlockConfig config = AirlockConfig.local(Map.of(EnvironmentNames.ENDPOINT_URL, external.endpoint().toString()));
            try (AwsClients clients = new AwsClients(config); DynamoDbClient dynamoDb = clients.dynamoDb()) {
                TableSnapshot audit = TableSnapshot.of(dynamoDb, config.auditTable());
                assertThat(audit.countWhere("chain", "request#" + id)).isEqualTo(1);
                assertThat(audit.countWhere("action", "roles.applied")).isEqualTo(1);
            }
        }
    }
}
