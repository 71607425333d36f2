package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevokeCertificateTest {

    private final TestAirlock t = TestAirlock.demo();
    private final Revocations r = new Revocations(t);

    @Test
    void handle_baseRoleCertificateByItsHolder_auditsOnTheUserChain() {
        IssuedCertificate certificate = r.issue(Optional.empty());
        IssuedCertificate other = r.issue(Optional.empty());

        r.revokeCertificate.handle(TestIdentities.bob(), certificate.serial(), "lost laptop");

        AuditRecord record = last("user#bob");
        assertThat(record.action()).isEqualTo(RevokeCertificate.ACTION.wire());
        assertThat(record.details()).containsEntry("serial", certificate.serial())
                .containsEntry("reason", "lost laptop").doesNotContainKey("requestId");
        assertThat(t.audit().verifies("user#bob")).isTrue();
        assertThat(r.krlRevokes(certificate.serial())).isTrue();
        assertThat(r.krlRevokes(other.serial())).isFalse();
    }

    @Test
    void handle_requestCertificateByAReviewer_auditsOnTheRequestChain_andLeavesTheRequestApproved() {
        AccessRequest approved = r.approved("dba");
        IssuedCertificate certificate = r.issue(Optional.of(approved.id()));

        r.revokeCertificate.handle(TestIdentities.alice(), certificate.serial(), "key leaked");

        AuditRecord record = last("request#" + approved.id());
        assertThat(record.action()).isEqualTo(RevokeCertificate.ACTION.wire());
        assertThat(record.actor()).isEqualTo("alice");
        AccessRequest stored = t.store().find(approved.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(RequestState.APPROVED);
        assertThat(stored.auditHead()).isEqualTo(record.head());
        assertThat(r.krlRevokes(certificate.serial())).isTrue();
        assertThatThrownBy(() -> r.revokeCertificate.handle(TestIdentities.bob(), certificate.serial(), ""))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "already_revoked");
    }

    @Test
    void handle_ofACertificateOfARevokedRequest_isAlreadyRevoked() {
        AccessRequest approved = r.approved("dba");
        IssuedCertificate certificate = r.issue(Optional.of(approved.id()));
        r.revokeRequest.handle(TestIdentities.bob(), approved.id(), "");

        assertThatThrownBy(() -> r.revokeCertificate.handle(TestIdentities.bob(), certificate.serial(), ""))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "already_revoked");
    }

    @Test
    void handle_baseRoleCertificateByAReviewerOfOtherRoles_isRefused() {
        IssuedCertificate certificate = r.issue(Optional.empty());

        assertThatThrownBy(() -> r.revokeCertificate.handle(TestIdentities.alice(), certificate.serial(), "why not"))
                .isInstanceOf(AccessDeniedException.class).hasFieldOrPropertyWithValue("code", "not_revoker");
        assertThatThrownBy(() -> r.revokeCertificate.handle(TestIdentities.user("carol", "contractors"),
                certificate.serial(), "x")).isInstanceOf(AccessDeniedException.class);
        assertThat(r.store.all()).isEmpty();
    }

    @Test
    void handle_ofAnExpiredCertificate_isAConflict() {
        IssuedCertificate certificate = r.issue(Optional.empty());
        t.clock().advance(Duration.ofDays(2));

        assertThatThrownBy(() -> r.revokeCertificate.handle(TestIdentities.bob(), certificate.serial(), ""))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "certificate_expired");
    }

    @Test
    void handle_ofAnUnknownSerial_isNotFound() {
        assertThatThrownBy(() -> r.revokeCertificate.handle(TestIdentities.bob(), "12345", ""))
                .isInstanceOf(NotFoundException.class).hasFieldOrPropertyWithValue("code", "certificate_not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "abc", "18446744073709551616", "1e3", " 5", "000000000000000000001"})
    void handle_ofAMalformedSerial_isInvalid(String serial) {
        assertThatThrownBy(() -> r.revokeCertificate.handle(TestIdentities.bob(), serial, ""))
                .isInstanceOf(InvalidRequestException.class).hasFieldOrPropertyWithValue("code", "invalid_serial");
    }

    @Test
    void canonicalSerial_acceptsTheFullUnsignedRange() {
        assertThat(RevokeCertificate.canonicalSerial("18446744073709551615")).isEqualTo("18446744073709551615");
        assertThat(RevokeCertificate.canonicalSerial("007")).isEqualTo("7");
    }

    private AuditRecord last(String chain) {
        List<AuditRecord> records = t.audit().read(chain);
        return records.get(records.size() - 1);
    }
}
