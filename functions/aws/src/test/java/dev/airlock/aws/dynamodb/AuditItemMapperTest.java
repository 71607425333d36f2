package dev.airlock.aws.dynamodb;

import dev.airlock.core.testing.TestAuditRecords;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.request.AuditHead;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditItemMapperTest {

    private final AuditRecord first = TestAuditRecords.next(AuditHead.GENESIS, "ca", Instant.parse("2025-03-01T23:59:59.9Z"),
            "alice", "certificate.issued", Map.of("serial", "42", "empty", "", "unicode", "ünï"));
    private final AuditRecord second = TestAuditRecords.next(first.head(), "ca", Instant.parse("2025-03-02T00:00:00Z"),
            "system", "ca.rotated", Map.of());

    @Test
    void toItem_thenFromItem_shouldRoundTripAndKeepTheHashValid() {
        for (AuditRecord record : new AuditRecord[] {first, second}) {
            AuditRecord read = AuditItemMapper.fromItem(AuditItemMapper.toItem(record));

            assertThat(read).isEqualTo(record);
            assertThat(read.hashMatches()).isTrue();
        }
    }

    @Test
    void toItem_shouldDeriveTheByDayIndexKeys() {
        Map<String, AttributeValue> item = AuditItemMapper.toItem(first);

        assertThat(item.get(Tables.AUDIT_DAY).s()).isEqualTo("2025-03-01");
        assertThat(item.get(Tables.AUDIT_AT_KEY).s()).isEqualTo("2025-03-01T23:59:59.900000000Z#ca#1");
        assertThat(AuditItemMapper.toItem(second).get(Tables.AUDIT_DAY).s()).isEqualTo("2025-03-02");
    }

    @Test
    void fromItem_shouldNameAMissingAttribute() {
        Map<String, AttributeValue> item = new HashMap<>(AuditItemMapper.toItem(first));
        item.remove(AuditItemMapper.ACTOR);

        assertThatThrownBy(() -> AuditItemMapper.fromItem(item)).isInstanceOf(MalformedItemException.class)
                .hasMessageContaining("actor");
    }

    @Test
    void fromItem_shouldRejectANonStringDetail() {
        Map<String, AttributeValue> item = new HashMap<>(AuditItemMapper.toItem(first));
        item.put(AuditItemMapper.DETAILS, Attr.m(Map.of("serial", Attr.n(42))));

        assertThatThrownBy(() -> AuditItemMapper.fromItem(item)).isInstanceOf(MalformedItemException.class)
                .hasMessageContaining("details");
    }
}
