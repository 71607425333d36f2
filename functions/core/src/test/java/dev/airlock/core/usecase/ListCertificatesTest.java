package dev.airlock.core.usecase;

import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.core.testing.InMemoryIssuedCertificates;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.core.testing.TestKeys;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListCertificatesTest {

    private final TestAirlock t = TestAirlock.demo();
    private final Revocations r = new Revocations(t);
    private final InMemoryIssuedCertificates lookup = new InMemoryIssuedCertificates(t.audit());
    private final ListCertificates listCertificates = new ListCertificates(lookup, r.store, t.clock());

    @Test
    void list_givesTheCallersCertificatesOnly_withPrincipalsValidityAndRequest() {
        AccessRequest approved = r.approved("dba");
        IssuedCertificate underRequest = r.issue(Optional.of(approved.id()));
        IssuedCertificate base = r.issue(Optional.empty());
        t.airlock().issueCertificate().handle(TestIdentities.alice(), TestKeys.ed25519PublicKeyLine(), Optional.empty());

        List<ListedCertificate> bobs = mine(TestIdentities.bob(), false);

        assertThat(bobs).extracting(l -> l.certificate().serial())
                .containsExactlyInAnyOrder(underRequest.serial(), base.serial());
        ListedCertificate listed = bobs.stream().filter(l -> l.certificate().serial().equals(underRequest.serial()))
                .findFirst().orElseThrow();
        assertThat(listed.certificate().principals()).isEqualTo(underRequest.principals());
        assertThat(listed.certificate().validAfter()).isEqualTo(underRequest.validAfter());
        assertThat(listed.certificate().validBefore()).isEqualTo(underRequest.validBefore());
        assertThat(listed.certificate().requestId()).contains(approved.id());
        assertThat(listed.certificate().roles()).containsExactly("dba");
        assertThat(listed.state()).isEqualTo(ListedCertificate.State.VALID);
        assertThat(listed.revoked()).isFalse();
        assertThat(mine(TestIdentities.alice(), false)).extracting(l -> l.certificate().holder()).containsOnly("alice");
    }

    @Test
    void list_marksACertificateRevokedByItself_orByItsRequest_andNoOther() {
        AccessRequest first = r.approved("dba");
        IssuedCertificate ofRevokedRequest = r.issue(Optional.of(first.id()));
        IssuedCertificate revokedItself = r.issue(Optional.empty());
        IssuedCertificate untouched = r.issue(Optional.empty());
        r.revokeRequest.handle(TestIdentities.bob(), first.id(), "");
        r.revokeCertificate.handle(TestIdentities.bob(), revokedItself.serial(), "lost laptop");

        List<ListedCertificate> listed = mine(TestIdentities.bob(), false);

        assertThat(stateOf(listed, ofRevokedRequest)).isEqualTo(ListedCertificate.State.REVOKED);
        assertThat(stateOf(listed, revokedItself)).isEqualTo(ListedCertificate.State.REVOKED);
        assertThat(stateOf(listed, untouched)).isEqualTo(ListedCertificate.State.VALID);
    }

    @Test
    void list_leavesExpiredCertificatesOutByDefault_andShowsThemWithIncludeExpired_revokedStillKnownAfterTheSweep() {
        IssuedCertificate revoked = r.issue(Optional.empty());
        IssuedCertificate expired = r.issue(Optional.empty());
        r.revokeCertificate.handle(TestIdentities.bob(), revoked.serial(), "lost laptop");
        t.clock().advance(Duration.ofDays(2));
        r.store.dropExpired(t.clock().instant(), 100); // the sweep takes the entry out of the KRL
        IssuedCertificate fresh = r.issue(Optional.empty());

        assertThat(mine(TestIdentities.bob(), false)).extracting(l -> l.certificate().serial())
                .containsExactly(fresh.serial());
        List<ListedCertificate> all = mine(TestIdentities.bob(), true);
        assertThat(all).extracting(l -> l.certificate().serial()).first().isEqualTo(fresh.serial());
        assertThat(stateOf(all, revoked)).isEqualTo(ListedCertificate.State.REVOKED);
        assertThat(stateOf(all, expired)).isEqualTo(ListedCertificate.State.EXPIRED);
        assertThat(stateOf(all, fresh)).isEqualTo(ListedCertificate.State.VALID);
    }

    @Test
    void list_pagesWithCursors_untilNoneIsLeft_eachCertificateOnce() {
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            issued.add(r.issue(Optional.empty()).serial());
            t.clock().advance(Duration.ofSeconds(1));
        }
        List<String> seen = new ArrayList<>();
        PageRequest page = PageRequest.first(2);
        int pages = 0;
        while (true) {
            Page<ListedCertificate> result = listCertificates.list(TestIdentities.bob(), false, page);
            result.items().forEach(l -> seen.add(l.certificate().serial()));
            pages++;
            if (result.nextCursor().isEmpty()) {
                break;
            }
            page = new PageRequest(2, result.nextCursor());
        }
        assertThat(pages).isEqualTo(3);
        Collections.reverse(issued); // latest expiry first: each was issued a second after the one before
        assertThat(seen).containsExactlyElementsOf(issued);
    }

    @Test
    void list_refusesAnotherListingsCursor() {
        for (int i = 0; i < 3; i++) {
            r.issue(Optional.empty());
        }
        String bobsCursor = listCertificates.list(TestIdentities.bob(), false, PageRequest.first(1)).nextCursor()
                .orElseThrow();

        assertThatThrownBy(() -> listCertificates.list(TestIdentities.alice(), false,
                new PageRequest(1, Optional.of(bobsCursor))))
                .isInstanceOf(InvalidRequestException.class).hasFieldOrPropertyWithValue("code", "invalid_cursor");
    }

    private List<ListedCertificate> mine(dev.airlock.domain.role.Identity caller, boolean includeExpired) {
        return listCertificates.list(caller, includeExpired, PageRequest.first(PageRequest.MAX_SIZE)).items();
    }

    private static ListedCertificate.State stateOf(List<ListedCertificate> listed, IssuedCertificate certificate) {
        return listed.stream().filter(l -> l.certificate().serial().equals(certificate.serial())).findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + certificate.serial())).state();
    }
}
