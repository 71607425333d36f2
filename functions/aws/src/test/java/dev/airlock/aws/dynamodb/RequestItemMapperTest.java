package dev.airlock.aws.dynamodb;

import dev.airlock.core.storage.Tables;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.AuditHead;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestItemMapperTest {

    static Stream<AccessRequest> everyShape() {
        AuditHead head = new AuditHead(7, "ab".repeat(32));
        return Stream.of(
                TestRequests.pending("alice", TestRequests.T0),
                TestRequests.pendingRich("alice"),
                TestRequests.pendingWithReview("alice"),
                TestRequests.approved("alice"),
                TestRequests.approvedWithCertificates("alice").withAuditHead(head).nextVersion().nextVersion(),
                TestRequests.denied("alice"),
                TestRequests.expiredWhilePending("alice"),
                TestRequests.expiredAfterApproval("alice"),
                TestRequests.revoked("alice"),
                TestRequests.withdrawn("alice"),
                TestRequests.breakGlass("alice", TestRequests.T0),
                TestRequests.breakGlass("alice", TestRequests.T0).withPostReviewOverdueRecorded(),
                TestRequests.breakGlassRevokedAfterwards("alice"));
    }

    @ParameterizedTest
    @MethodSource("everyShape")
    void toItem_thenFromItem_shouldRoundTripEveryField(AccessRequest request) {
        // WHEN
        AccessRequest read = RequestItemMapper.fromItem(RequestItemMapper.toItem(request, request.version()));

        // THEN: records compare every component, including lists, maps, optionals and nanoseconds
        assertThat(read).isEqualTo(request);
    }

    @ParameterizedTest
    @MethodSource("everyShape")
    void toItem_shouldCarryExpiryAttributesOnlyWhileOpen(AccessRequest request) {
        Map<String, AttributeValue> item = RequestItemMapper.toItem(request, 0);

        boolean open = !request.state().isFinal();
        assertThat(item.containsKey(Tables.REQ_EXPIRY_SHARD)).isEqualTo(open);
        assertThat(item.containsKey(Tables.REQ_DUE_AT)).isEqualTo(open);
        if (open) {
            Instant due = request.openUntil().orElseThrow();
            long dueAt = Long.parseLong(item.get(Tables.REQ_DUE_AT).n());
            assertThat(Instant.ofEpochSecond(dueAt)).isAfterOrEqualTo(due).isBefore(due.plusSeconds(1));
            assertThat(Integer.parseInt(item.get(Tables.REQ_EXPIRY_SHARD).s())).isBetween(0, Tables.EXPIRY_SHARDS - 1);
        }
    }

    @Test
    void toItem_shouldMarkARecordedOverduePostReview_only() {
        AccessRequest open = TestRequests.breakGlass("alice", TestRequests.T0);

        assertThat(RequestItemMapper.toItem(open, 0)).doesNotContainKey(RequestItemMapper.POST_REVIEW_OVERDUE_RECORDED);
        assertThat(RequestItemMapper.toItem(open.withPostReviewOverdueRecorded(), 0)
                .get(RequestItemMapper.POST_REVIEW_OVERDUE_RECORDED).bool()).isTrue();
    }

    @Test
    void toItem_shouldStoreTheGivenVersion() {
        AccessRequest request = TestRequests.approved("alice");

        assertThat(RequestItemMapper.toItem(request, 5).get(RequestItemMapper.VERSION).n()).isEqualTo("5");
    }

    @Test
    void createdKey_shouldSortByTimeEvenWhenFractionsDiffer() {
        // Instant.toString would render the first as ...:00Z, which sorts after ...:00.5Z.
        AccessRequest whole = TestRequests.pending("alice", Instant.parse("2025-01-01T00:00:00Z"));
        AccessRequest half = TestRequests.pending("alice", Instant.parse("2025-01-01T00:00:00.500Z"));
        AccessRequest later = TestRequests.pending("alice", Instant.parse("2025-01-01T00:00:01Z"));

        List<String> keys = Stream.of(later, half, whole).map(RequestItemMapper::createdKey).sorted().toList();

        assertThat(keys).containsExactly(RequestItemMapper.createdKey(whole), RequestItemMapper.createdKey(half),
                RequestItemMapper.createdKey(later));
    }

    @Test
    void dueEpochSecond_shouldRoundUpSoTheSweepNeverFiresEarly() {
        assertThat(RequestItemMapper.dueEpochSecond(Instant.ofEpochSecond(100))).isEqualTo(100);
        assertThat(RequestItemMapper.dueEpochSecond(Instant.ofEpochSecond(100, 1))).isEqualTo(101);
    }

    @Test
    void expiryShard_shouldBeStableAndInRange() {
        // CRC-32 (ISO 3309) is fixed, so these values never change between JVMs or releases
        // (python3 -c "import zlib; print(zlib.crc32(b'...') % 8)").
        assertThat(ExpiryShard.of("00000000-0000-0000-0000-000000000000")).isEqualTo("1");
        assertThat(ExpiryShard.of("5f0c6f0e-8d1e-4a53-9a43-8f1f1f7b2c11")).isEqualTo("5");
        assertThat(Stream.generate(() -> java.util.UUID.randomUUID().toString()).limit(2000)
                .map(ExpiryShard::of).distinct()).hasSize(Tables.EXPIRY_SHARDS);
    }

    @Test
    void fromItem_shouldRejectAMissingAttributeWithItsName() {
        Map<String, AttributeValue> item = new HashMap<>(RequestItemMapper.toItem(TestRequests.approved("alice"), 1));
        item.remove(RequestItemMapper.AUDIT_HASH);

        assertThatThrownBy(() -> RequestItemMapper.fromItem(item))
                .isInstanceOf(MalformedItemException.class).hasMessageContaining("auditHash");
    }

    @Test
    void fromItem_shouldRejectAMistypedOrInvalidValue() {
        Map<String, AttributeValue> item = new HashMap<>(RequestItemMapper.toItem(TestRequests.approved("alice"), 1));
        item.put(RequestItemMapper.VERSION, Attr.s("one"));
        assertThatThrownBy(() -> RequestItemMapper.fromItem(item)).isInstanceOf(MalformedItemException.class)
                .hasMessageContaining("version");

        Map<String, AttributeValue> badState = new HashMap<>(RequestItemMapper.toItem(TestRequests.approved("alice"), 1));
        badState.put(Tables.REQ_STATE, Attr.s("LIMBO"));
        assertThatThrownBy(() -> RequestItemMapper.fromItem(badState)).isInstanceOf(MalformedItemException.class);

        Map<String, AttributeValue> brokenInvariant = new HashMap<>(RequestItemMapper.toItem(TestRequests.approved("alice"), 1));
        brokenInvariant.remove(RequestItemMapper.ACCESS_EXPIRES_AT); // APPROVED needs an access expiry
        assertThatThrownBy(() -> RequestItemMapper.fromItem(brokenInvariant)).isInstanceOf(MalformedItemException.class)
                .hasMessageContaining("accessExpiresAt");
    }
}
