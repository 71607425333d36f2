package dev.airlock.domain.policy;

import static dev.airlock.domain.policy.CertificatePolicy.PERMIT_AGENT_FORWARDING;
import static dev.airlock.domain.policy.CertificatePolicy.PERMIT_PORT_FORWARDING;
import static dev.airlock.domain.policy.CertificatePolicy.PERMIT_PTY;
import static dev.airlock.domain.policy.CertificatePolicy.PERMIT_USER_RC;
import static dev.airlock.domain.policy.CertificatePolicy.PERMIT_X11_FORWARDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.domain.RoleFixtures;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestFixtures;
import dev.airlock.domain.role.Identity;
import dev.airlock.domain.role.RoleFileParser;
import dev.airlock.domain.role.RoleSet;
import dev.airlock.domain.role.Threshold;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificatePolicyTest {

    private static final RoleSet ROLES =
            RoleFileParser.parse(RoleFixtures.text("policy-matrix.yaml"), "policy-matrix.yaml").roles();
    private static final Instant APPROVED_AT = RequestFixtures.T0.plusSeconds(60);
    private static final Instant NOW = APPROVED_AT.plusSeconds(600);
    private static final Identity ALICE = new Identity("alice", Set.of("engineer"));

    private static CertificatePolicy at(Instant now) {
        return new CertificatePolicy(ROLES, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static AccessRequest approved(String... roles) {
        return RequestFixtures.pending(List.of(roles), List.of(Threshold.DEFAULT))
                .applyReview(RequestFixtures.approve("bob", APPROVED_AT), APPROVED_AT);
    }

    @Test
    void grant_baseRolesOnly_usesTheirLoginsAndSessionTtl() {
        CertificateGrant g = at(NOW).grant(ALICE, Optional.empty());

        assertThat(g.user()).isEqualTo("alice");
        assertThat(g.requestId()).isEmpty();
        assertThat(g.principals()).containsExactly("engineer");
        assertThat(g.validAfter()).isEqualTo(NOW.minusSeconds(60));
        assertThat(g.validBefore()).isEqualTo(NOW.plus(Duration.ofHours(10)));
        assertThat(g.extensions()).containsOnlyKeys(
                PERMIT_AGENT_FORWARDING, PERMIT_PORT_FORWARDING, PERMIT_PTY, PERMIT_USER_RC);
        assertThat(g.extensions().values()).containsOnly("");
    }

    @Test
    void grant_withApprovedRequest_addsGrantedLoginsMinusDenied_andStrictestTtl() {
        AccessRequest dba = approved("dba");

        CertificateGrant g = at(NOW).grant(ALICE, Optional.of(dba));

        // dba grants dba and root, but engineer denies root; dba caps sessions at 1h.
        assertThat(g.principals()).containsExactly("dba", "engineer");
        assertThat(g.requestId()).contains(dba.id());
        assertThat(g.validBefore()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void grant_neverOutlivesTheAccessWindow() {
        AccessRequest clusterA = approved("cluster-a");
        Instant late = clusterA.accessExpiresAt().orElseThrow().minus(Duration.ofMinutes(5));

        CertificateGrant g = at(late).grant(ALICE, Optional.of(clusterA));

        assertThat(g.validBefore()).isEqualTo(clusterA.accessExpiresAt().orElseThrow());
    }

    @Test
    void grant_combinesForwardingAsTeleportDocuments_anyRoleAllowing() {
        CertificateGrant g = at(NOW).grant(ALICE, Optional.of(approved("sudo-admin")));

        // sudo-admin forbids port forwarding and leaves agent forwarding off, but engineer allows both
        // (forward_agent: true, port_forwarding unset = allowed): Teleport's role reference makes both an OR.
        assertThat(g.extensions()).containsOnlyKeys(
                PERMIT_AGENT_FORWARDING, PERMIT_PORT_FORWARDING, PERMIT_PTY, PERMIT_USER_RC);
        assertThat(g.principals()).containsExactly("admin", "engineer");
    }

    @Test
    void grant_withholdsForwardingWhenNoContributingRoleAllowsIt() {
        CertificateGrant g = at(NOW).grant(new Identity("sam", Set.of("sudo-admin")), Optional.empty());

        assertThat(g.extensions()).containsOnlyKeys(PERMIT_PTY, PERMIT_USER_RC);
    }

    @Test
    void grant_strictForX11PtyAndUserRc_everyRoleMustAllow() {
        RoleSet roles = RoleFileParser.parse("""
                kind: role
                version: v7
                metadata: { name: x11 }
                spec:
                  options: { permit_x11_forwarding: true }
                  allow: { logins: [x], request: { roles: [nopty] } }
                ---
                kind: role
                version: v7
                metadata: { name: nopty }
                spec:
                  options: { permit_pty: false }
                  allow: { logins: [y] }
                """, "x.yaml").roles();
        CertificatePolicy policy = new CertificatePolicy(roles, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(policy.grant(new Identity("xena", Set.of("x11")), Optional.empty()).extensions())
                .containsKey(PERMIT_X11_FORWARDING).containsKey(PERMIT_PTY);
        assertThat(policy.grant(new Identity("xena", Set.of("x11", "nopty")), Optional.empty()).extensions())
                .doesNotContainKey(PERMIT_X11_FORWARDING).doesNotContainKey(PERMIT_PTY);
    }

    @Test
    void grant_requestAccessAlways_refusesBaseRolesOnly_butIssuesUnderAnApprovedRequest() {
        RoleSet roles = RoleFileParser.parse("""
                kind: role
                version: v5
                metadata: { name: oncall }
                spec:
                  options: { request_access: always }
                  allow: { logins: [oncall], request: { roles: [dba] } }
                ---
                kind: role
                version: v5
                metadata: { name: dba }
                spec:
                  allow: { logins: [dba] }
                """, "always.yaml").roles();
        CertificatePolicy policy = new CertificatePolicy(roles, Clock.fixed(NOW, ZoneOffset.UTC));
        Identity holder = new Identity("alice", Set.of("oncall"));

        assertThatThrownBy(() -> policy.grant(holder, Optional.empty()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("'oncall'").hasMessageContaining("request_access: always")
                .extracting(e -> ((AirlockException) e).code()).isEqualTo("request_required");
        assertThat(policy.grant(holder, Optional.of(approved("dba"))).principals()).containsExactly("dba", "oncall");
    }

    @Test
    void grant_defaultSessionTtl_whenNoRoleSetsOne() {
        CertificateGrant g = at(NOW).grant(new Identity("erin", Set.of("cluster-a")), Optional.empty());

        assertThat(g.validBefore()).isEqualTo(NOW.plus(AccessWindowPolicy.DEFAULT_SESSION_TTL));
        assertThat(g.principals()).containsExactly("ubuntu");
    }

    @Test
    void grant_refusesSomeoneElsesRequest() {
        assertThatThrownBy(() -> at(NOW).grant(new Identity("mallory", Set.of("engineer")), Optional.of(approved("dba"))))
                .isInstanceOf(AccessDeniedException.class)
                .extracting(e -> ((AirlockException) e).code()).isEqualTo("not_requester");
    }

    @Test
    void grant_refusesRequestsThatAreNotApprovedNow() {
        AccessRequest pending = RequestFixtures.pendingDba();
        AccessRequest approved = approved("dba");
        AccessRequest revoked = approved.revoke("done", NOW);
        Instant afterWindow = approved.accessExpiresAt().orElseThrow();

        for (var c : List.of(
                new Object[] {pending, NOW}, new Object[] {revoked, NOW}, new Object[] {approved, afterWindow})) {
            assertThatThrownBy(() -> at((Instant) c[1]).grant(ALICE, Optional.of((AccessRequest) c[0])))
                    .isInstanceOf(ConflictException.class)
                    .extracting(e -> ((AirlockException) e).code()).isEqualTo("not_approved");
        }
    }

    @Test
    void grant_refusesWhenNoLoginIsGranted() {
        assertThatThrownBy(() -> at(NOW).grant(new Identity("erin", Set.of("loginless")), Optional.empty()))
                .isInstanceOf(AccessDeniedException.class)
                .extracting(e -> ((AirlockException) e).code()).isEqualTo("no_logins");
    }
}
