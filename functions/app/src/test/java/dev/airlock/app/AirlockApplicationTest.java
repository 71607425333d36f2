package dev.airlock.app;

import dev.airlock.app.harness.LocalFunctions;
import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.wiring.AwsPorts;
import dev.airlock.app.wiring.Ports;
import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.Routes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.cloud.function.context.FunctionCatalog;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The functional registration: which beans exist and which AWS clients get built for each selected
 * function. Nothing here calls AWS (clients connect lazily), so an unreachable endpoint is fine.
 */
class AirlockApplicationTest {

    private static AirlockConfig selecting(String function) {
        return AirlockConfig.local(Map.of(EnvironmentNames.FUNCTION_DEFINITION, function,
                EnvironmentNames.ENDPOINT_URL, "http://127.0.0.1:9"));
    }

    @ParameterizedTest
    @CsvSource({"request, true, false", "list, true, false", "approve, true, false", "sign, true, true",
            "expire, true, false"})
    void selectedFunction_shouldRegisterOnlyItself_andBuildOnlyItsClients(String function, boolean dynamoDb,
                                                                          boolean kms) {
        try (LocalFunctions functions = LocalFunctions.start(selecting(function), Clock.systemUTC())) {
            String[] functionBeans = functions.context().getBeanNamesForType(Function.class);

            assertThat(functionBeans).containsExactly(function);
            assertThat(functions.context().getBean(FunctionCatalog.class).<Object>lookup(function)).isNotNull();
            AwsPorts ports = (AwsPorts) functions.context().getBean("airlockPorts", Ports.class);
            assertThat(ports.dynamoDbClientBuilt()).isEqualTo(dynamoDb);
            assertThat(ports.kmsClientBuilt()).as("KMS client built").isEqualTo(kms);
        }
    }

    @Test
    void checkpointSelected_shouldRegisterOnlyItself_withItsDynamoDbAndKmsClients() {
        AirlockConfig config = AirlockConfig.local(Map.of(EnvironmentNames.FUNCTION_DEFINITION, Routes.CHECKPOINT,
                EnvironmentNames.ENDPOINT_URL, "http://127.0.0.1:9",
                EnvironmentNames.CHECKPOINT_BUCKET, "airlock-checkpoints-test",
                EnvironmentNames.AUDIT_KEY_ID, "alias/airlock-audit"));
        try (LocalFunctions functions = LocalFunctions.start(config, Clock.systemUTC())) {
            assertThat(functions.context().getBeanNamesForType(Function.class)).containsExactly(Routes.CHECKPOINT);
            assertThat(functions.context().getBean(FunctionCatalog.class).<Object>lookup(Routes.CHECKPOINT)).isNotNull();
            AwsPorts ports = (AwsPorts) functions.context().getBean("airlockPorts", Ports.class);
            assertThat(ports.dynamoDbClientBuilt()).isTrue();
            assertThat(ports.kmsClientBuilt()).isTrue();
        }
    }

    @Test
    void noSelection_shouldRegisterAllFiveUnderTheirRouteTableNames() {
        try (LocalFunctions functions = LocalFunctions.start(AirlockConfig.local(
                Map.of(EnvironmentNames.ENDPOINT_URL, "http://127.0.0.1:9")), Clock.systemUTC())) {
            assertThat(Arrays.asList(functions.context().getBeanNamesForType(Function.class)))
                    .containsExactlyInAnyOrderElementsOf(Catalogue.names());
            for (String name : Catalogue.names()) {
                assertThat(functions.context().getBean(FunctionCatalog.class).<Object>lookup(name)).as(name).isNotNull();
            }
        }
    }

}
