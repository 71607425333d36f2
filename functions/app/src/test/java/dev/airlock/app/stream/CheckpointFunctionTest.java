package dev.airlock.app.stream;

import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.harness.LocalFunctions;
import dev.airlock.app.logging.EmbeddedMetric;
import dev.airlock.app.wiring.Ports;
import dev.airlock.core.api.Routes;
import dev.airlock.core.api.StreamConsumer;
import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.Checkpoint;
import dev.airlock.core.audit.StreamChange;
import dev.airlock.core.audit.SignedCheckpoint;
import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.core.port.CheckpointAnchor;
import dev.airlock.core.port.CheckpointStore;
import dev.airlock.core.testing.InMemoryCheckpoints;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.usecase.TakeCheckpoints;
import dev.airlock.domain.request.AuditHead;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code checkpoint} function through the function catalog, as Lambda invokes it (raw stream event
 * JSON in, partial batch response JSON out), over in-memory ports: appends checkpointed and anchored,
 * tampering recorded and counted, a batch that cannot be staged reported as failed.
 */
class CheckpointFunctionTest {

    private final TestAirlock t = TestAirlock.demo();
    private final InMemoryCheckpoints checkpoints = new InMemoryCheckpoints();

    @Test
    void aBatchOfAppends_shouldBeCheckpointedAndAnchored_throughTheCatalog() {
        t.audit().append("user#bob", "bob", AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "1"));
        t.audit().append("user#bob", "bob", AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "2"));
        List<AuditRecord> records = t.audit().read("user#bob");

        try (LocalFunctions functions = LocalFunctions.start(config(), t.clock(), ports())) {
            byte[] response = functions.invokeAsLambda(Routes.CHECKPOINT, AuditStreamEvent.inserts(records, 1));

            assertThat(JsonMapper.builder().build().readTree(response).toString()).isEqualTo("{\"batchItemFailures\":[]}");
        }
        assertThat(checkpoints.from(1)).singleElement().satisfies(anchored -> {
            Checkpoint checkpoint = Checkpoint.parse(anchored.body());
            assertThat(checkpoint.heads()).isEqualTo(Map.of("user#bob", records.get(1).head()));
            assertThat(checkpoint.records()).isEqualTo(2);
        });
    }

    /** In AWS a quiet table invokes nothing: the trigger's heartbeat (a scheduled event) takes the due checkpoint. */
    @Test
    void aHeartbeatOnAQuietTable_shouldTakeTheDueCheckpoint_andCountIt() throws IOException {
        byte[] scheduled;
        try (InputStream in = getClass().getResourceAsStream("/events/scheduled.json")) {
            scheduled = in.readAllBytes();
        }
        try (LocalFunctions functions = LocalFunctions.start(config(), t.clock(), ports())) {
            byte[] response = functions.invokeAsLambda(Routes.CHECKPOINT, scheduled);

            assertThat(JsonMapper.builder().build().readTree(response).toString()).isEqualTo("{\"batchItemFailures\":[]}");
        }
        assertThat(checkpoints.from(1)).singleElement()
                .satisfies(anchored -> assertThat(Checkpoint.parse(anchored.body()).records()).isZero());
    }

    @Test
    void modifyAndRemove_shouldBeTamperRecords_andCounted() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CheckpointFunction function = new CheckpointFunction(take(checkpoints),
                new EmbeddedMetric(new PrintStream(out, true, StandardCharsets.UTF_8)), t.clock());

        StreamConsumer.Result result;
        try (InputStream in = getClass().getResourceAsStream("/events/dynamodb-stream-modify-remove.json")) {
            result = function.consume(StreamEvents.changes(in.readAllBytes()));
        }

        assertThat(result.complete()).isTrue();
        assertThat(t.audit().read(AuditChains.TAMPER)).extracting(r -> r.details().get("event"))
                .containsExactly("MODIFY", "REMOVE");
        // the tamper count, then the first checkpoint (none was taken before, so one is due) counted too
        assertThat(out.toString(StandardCharsets.UTF_8).strip().lines()).containsExactly(
                EmbeddedMetric.countLine(TakeCheckpoints.TAMPER_METRIC, 2, t.clock().instant()),
                EmbeddedMetric.countLine(TakeCheckpoints.CHECKPOINT_METRIC, 1, t.clock().instant()));
    }

    @Test
    void aBatchThatCannotBeStaged_shouldFailWhole_soItIsRedeliveredFromItsFirstChange() {
        CheckpointStore failing = new CheckpointStore() {
            @Override public Optional<Checkpoint> latest() { return checkpoints.latest(); }
            @Override public Map<String, AuditHead> heads(Set<String> chains) { return checkpoints.heads(chains); }
            @Override public Staged staged() { return checkpoints.staged(); }
            @Override public void commit(Checkpoint checkpoint) { checkpoints.commit(checkpoint); }
            @Override public void stage(Map<String, AuditHead> moved, long records) {
                throw new IllegalStateException("DynamoDB unavailable");
            }
        };
        t.audit().append("user#bob", "bob", AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "1"));
        t.audit().append("user#bob", "bob", AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "2"));
        List<StreamChange> changes = StreamEvents.changes(AuditStreamEvent.inserts(t.audit().read("user#bob"), 41));

        StreamConsumer.Result result = new CheckpointFunction(new TakeCheckpoints(failing, checkpoints, checkpoints,
                t.audit(), t.clock(), Duration.ofMinutes(5)), new EmbeddedMetric(System.out), t.clock()).consume(changes);

        assertThat(result.failedIds()).containsExactly("41", "42");
        assertThat(checkpoints.from(1)).isEmpty();
    }

    @Test
    void aCheckpointThatCannotBeAnchored_shouldNotFailTheStagedBatch() {
        CheckpointAnchor unavailable = new CheckpointAnchor() {
            @Override public void put(SignedCheckpoint checkpoint) { throw new IllegalStateException("S3 unavailable"); }
            @Override public List<SignedCheckpoint> from(long fromN) { return List.of(); }
        };
        t.audit().append("user#bob", "bob", AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "1"));
        List<StreamChange> changes = StreamEvents.changes(AuditStreamEvent.inserts(t.audit().read("user#bob"), 1));

        StreamConsumer.Result result = new CheckpointFunction(new TakeCheckpoints(checkpoints, checkpoints, unavailable,
                t.audit(), t.clock(), Duration.ofMinutes(5)), new EmbeddedMetric(System.out), t.clock()).consume(changes);

        assertThat(result.complete()).isTrue();
        assertThat(checkpoints.staged().heads()).containsKey("user#bob");
        assertThat(checkpoints.latest()).isEqualTo(Optional.empty());
    }

    private TakeCheckpoints take(InMemoryCheckpoints store) {
        return new TakeCheckpoints(store, store, store, t.audit(), t.clock(), Duration.ofMinutes(5));
    }

    private Ports ports() {
        return Ports.withCheckpoints(Ports.of(t.store(), t.audit(), t.roles(), t.ca()), checkpoints, checkpoints,
                checkpoints);
    }

    private static AirlockConfig config() {
        return AirlockConfig.local(Map.of(EnvironmentNames.FUNCTION_DEFINITION, Routes.CHECKPOINT,
                EnvironmentNames.CHECKPOINT_BUCKET, "airlock-checkpoints-test",
                EnvironmentNames.AUDIT_KEY_ID, "alias/airlock-audit", EnvironmentNames.CHECKPOINT_INTERVAL, "PT5M"));
    }
}
