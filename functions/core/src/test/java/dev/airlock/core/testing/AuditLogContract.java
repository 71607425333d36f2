package dev.airlock.core.testing;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.AuditLog;
import dev.airlock.domain.request.AuditHead;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TEST ONLY: the contract of {@link AuditLog}, run against the in-memory fake (core) and the DynamoDB
 * adapter (functions/aws). A subclass gives a fresh, empty log per test.
 */
public abstract class AuditLogContract {

    /** A fresh, empty log (called once per test). */
    protected abstract AuditLog audit();

    @Test
    void append_shouldLinkEachRecordToTheChainsHead() {
        AuditRecord first = audit().append(AuditChains.CA, "system", AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "1"));
        AuditRecord second = audit().append(AuditChains.CA, "alice", AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "2"));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditHead.GENESIS.hash());
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(List.of(first, second)).allSatisfy(r -> assertThat(r.hashMatches()).isTrue());
        assertThat(audit().read(AuditChains.CA)).containsExactly(first, second);
    }

    @Test
    void append_shouldKeepChainsApart() {
        audit().append(AuditChains.forUser("alice"), "alice", AuditAction.CERTIFICATE_ISSUED, Map.of());
        AuditRecord bob = audit().append(AuditChains.forUser("bob"), "bob", AuditAction.CERTIFICATE_ISSUED, Map.of());

        assertThat(bob.seq()).isEqualTo(1);
        assertThat(audit().read(AuditChains.forUser("alice"))).hasSize(1);
        assertThat(audit().read(AuditChains.CONFIG)).isEmpty();
    }

    @Test
    void append_shouldRefuseARequestChain_whichOnlyTheRequestStoreWrites() {
        assertThatThrownBy(() -> audit().append(AuditChains.forRequest("x"), "a", AuditAction.CERTIFICATE_ISSUED,
                Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(audit().read(AuditChains.forRequest("x"))).isEmpty();
    }

    @Test
    void append_shouldStoreTheActionsWireText() {
        AuditRecord record = audit().append(AuditChains.CONFIG, "admin", AuditAction.ROLES_APPLIED, Map.of("v", "1"));

        assertThat(audit().read(AuditChains.CONFIG).get(0).action()).isEqualTo("roles.applied");
        assertThat(record.knownAction()).contains(AuditAction.ROLES_APPLIED);
    }

    @Test
    void lastRecordMatches_shouldLookAtTheLastRecordOnly() {
        Map<String, String> first = Map.of("fingerprint", "SHA256:a", "keySpec", "ECC_NIST_P256");
        assertThat(audit().lastRecordMatches(AuditChains.CA, AuditAction.CA_KEY_REGISTERED, Map.of())).isFalse();

        audit().append(AuditChains.CA, "local-up", AuditAction.CA_KEY_REGISTERED, first);

        assertThat(audit().lastRecordMatches(AuditChains.CA, AuditAction.CA_KEY_REGISTERED,
                Map.of("fingerprint", "SHA256:a"))).isTrue();
        assertThat(audit().lastRecordMatches(AuditChains.CA, AuditAction.CA_KEY_REGISTERED, first)).isTrue();
        assertThat(audit().lastRecordMatches(AuditChains.CA, AuditAction.CA_KEY_REGISTERED,
                Map.of("fingerprint", "SHA256:b"))).isFalse();
        assertThat(audit().lastRecordMatches(AuditChains.CA, AuditAction.ROLES_APPLIED, Map.of())).isFalse();
        assertThat(audit().lastRecordMatches(AuditChains.CONFIG, AuditAction.CA_KEY_REGISTERED, Map.of())).isFalse();

        audit().append(AuditChains.CA, "sign", AuditAction.CA_KEY_REGISTERED, Map.of("fingerprint", "SHA256:b"));

        assertThat(audit().lastRecordMatches(AuditChains.CA, AuditAction.CA_KEY_REGISTERED,
                Map.of("fingerprint", "SHA256:a"))).isFalse();
    }
}
