package dev.airlock.bench.priming;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.app.harness.LocalFunctions;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.priming.Priming;
import dev.airlock.app.priming.PrimingResource;
import dev.airlock.app.wiring.Ports;
import dev.airlock.core.testing.FixedRoleCatalog;
import dev.airlock.core.testing.InMemoryIssuedCertificates;
import dev.airlock.core.testing.InMemoryRevocationStore;
import dev.airlock.core.testing.InMemoryAccessRequestStore;
import dev.airlock.core.testing.InMemoryAuditLog;
import dev.airlock.ssh.testing.InMemoryCertificateAuthority;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The functions' checkpoint priming ({@code dev.airlock.app.priming}) runs every function's read
 * paths through the Lambda conversion and writes nothing. Lives here because the bench owns the
 * priming code's verification; the functions module is another engineer's.
 */
class PrimingTest {

    private final Clock clock = Clock.systemUTC();
    private final InMemoryAuditLog audit = new InMemoryAuditLog(clock);
    private final InMemoryAccessRequestStore store = new InMemoryAccessRequestStore(audit);
    private final Ports ports = Ports.of(store, audit, FixedRoleCatalog.demo(), InMemoryCertificateAuthority.ecdsaP256(),
            new InMemoryRevocationStore(store, audit), new InMemoryIssuedCertificates(audit));

    @Test
    void run_withEveryFunction_shouldAnswerEachPrimingCallWithoutWritingAnything() {
        try (LocalFunctions functions = LocalFunctions.start(AirlockConfig.local(Map.of()), clock, ports)) {

            List<String> calls = new Priming(functions.context()).run();

            // Through the Lambda conversion without a token: 401 (verification is not bypassed), but
            // 200 for the public GET /ca and GET /krl (Routes marks them public: hosts fetch them without a
            // token), 404 for the public GET /.well-known/airlock of a deployment without a CLI client;
            // below the verifier, as a caller without roles: the read paths' own answers.
            assertThat(calls).containsExactlyInAnyOrder(
                    "request DELETE /requests/{id} (no token) -> 401",
                    "request DELETE /requests/{id} -> 404",
                    "list GET /requests (no token) -> 401",
                    "list GET /requests -> 200",
                    "list GET /requests/{id} (no token) -> 401",
                    "list GET /requests/{id} -> 404",
                    "list GET /requests/{id}/audit (no token) -> 401",
                    "list GET /requests/{id}/audit -> 404",
                    "list GET /certificates (no token) -> 401",
                    "list GET /certificates -> 200",
                    "list GET /me (no token) -> 401",
                    "list GET /me -> 200",
                    "list GET /.well-known/airlock (no token) -> 404",
                    "list GET /.well-known/airlock -> 404",
                    "approve POST /requests/{id}/reviews (no token) -> 401",
                    "approve POST /requests/{id}/reviews -> 404",
                    "sign GET /ca (no token) -> 200",
                    "sign GET /ca -> 200",
                    "sign GET /krl (no token) -> 200",
                    "sign GET /krl -> 200",
                    "sign POST /certificates (no token) -> 401",
                    "sign POST /certificates -> 404",
                    "expire findOverdue -> 0",
                    // a checkpoint would sign with KMS and write to S3: nothing to prime without side effects
                    "checkpoint table stream -> not primed",
                    // a notification would call a receiver: likewise
                    "notify table stream -> not primed");
            assertThat(store.size()).isZero();
            assertThat(audit.size()).isZero();
        }
    }

    @Test
    void application_shouldRegisterTheCheckpointResource_whosePrimingWritesNothing() throws Exception {
        try (LocalFunctions functions = LocalFunctions.start(AirlockConfig.local(Map.of()), clock, ports)) {
            PrimingResource resource = functions.context().getBean(PrimingResource.BEAN_NAME, PrimingResource.class);

            resource.beforeCheckpoint(null);
            resource.afterRestore(null);

            assertThat(store.size()).isZero();
            assertThat(audit.size()).isZero();
        }
    }

    @Test
    void run_withOneSelectedFunction_shouldPrimeOnlyThatFunction() {
        AirlockConfig config = AirlockConfig.local(Map.of(EnvironmentNames.FUNCTION_DEFINITION, "sign"));
        try (LocalFunctions functions = LocalFunctions.start(config, clock, ports)) {

            List<String> calls = new Priming(functions.context()).run();

            assertThat(calls).containsExactly( // route-table order
                    "sign POST /certificates (no token) -> 401", "sign POST /certificates -> 404",
                    "sign GET /ca (no token) -> 200", "sign GET /ca -> 200",
                    "sign GET /krl (no token) -> 200", "sign GET /krl -> 200");
            assertThat(audit.size()).isZero();
        }
    }
}
