package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.testing.FixedRoleCatalog;
import dev.airlock.core.testing.InMemoryAccessRequestStore;
import dev.airlock.core.testing.InMemoryAuditLog;
import dev.airlock.core.testing.MutableClock;
import dev.airlock.core.testing.TestKeys;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Identity;
import dev.airlock.domain.role.RoleConfig;
import dev.airlock.domain.role.RoleFileParser;
import dev.airlock.ssh.testing.InMemoryCertificateAuthority;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Teleport's "Configure Access Requests" guide, its roles pasted unchanged ({@code version: v7}): an
 * {@code editor-requester} may request {@code editor} with {@code thresholds: [{approve: 1, deny: 1}]},
 * an {@code editor-reviewer} reviews {@code editor}. Airlock has no built-in {@code editor} role, so the
 * file adds one with a login, and an OIDC connector mapping groups to the guide's roles.
 */
class TeleportEditorGuideTest {

    static final String GUIDE = """
            kind: role
            version: v7
            metadata:
              name: editor-reviewer
            spec:
              allow:
                review_requests:
                  roles: ['editor']
            ---
            kind: role
            version: v7
            metadata:
              name: editor-requester
            spec:
              allow:
                request:
                  roles: ['editor']
                  thresholds:
                    - approve: 1
                      deny: 1
            ---
            kind: role
            version: v7
            metadata:
              name: editor
            spec:
              allow:
                logins: [editor]
            ---
            kind: oidc
            version: v3
            metadata:
              name: corp
            spec:
              claims_to_roles:
                - { claim: groups, value: editors-requesters, roles: [editor-requester] }
                - { claim: groups, value: editors-reviewers, roles: [editor-reviewer] }
            """;

    private final MutableClock clock = MutableClock.startingNow();
    private final RoleConfig config = RoleFileParser.parse(GUIDE, "editor-request-rbac.yaml");
    private final InMemoryAuditLog audit = new InMemoryAuditLog(clock);
    private final Airlock airlock = new Airlock(new InMemoryAccessRequestStore(audit), audit,
            new FixedRoleCatalog(config), InMemoryCertificateAuthority.ed25519(), clock);

    private Identity user(String name, String group) {
        return new Identity(name, config.baseRolesFor(Map.of("groups", List.of(group))));
    }

    @Test
    void bobAsEditorRequester_isApprovedByAnEditorReviewer_andGetsTheEditorLogin() {
        Identity bob = user("bob", "editors-requesters");
        Identity alice = user("alice", "editors-reviewers");
        assertThat(bob.roles()).containsExactly("editor-requester");

        AccessRequest requested = airlock.requestAccess()
                .handle(bob, NewRequest.of(List.of("editor"), "publish the release notes"), Optional.empty()).request();
        AccessRequest approved = airlock.reviewRequest().handle(alice, requested.id(), Verdict.APPROVE, "ok");

        assertThat(approved.state()).isEqualTo(RequestState.APPROVED);
        IssuedCertificate cert = airlock.issueCertificate()
                .handle(bob, TestKeys.ed25519PublicKeyLine(), Optional.of(requested.id()));
        assertThat(cert.principals()).containsExactly("editor");
    }

    @Test
    void oneDenialDenies_andOnlyEditorReviewersMayReview() {
        Identity bob = user("bob", "editors-requesters");
        AccessRequest requested = airlock.requestAccess()
                .handle(bob, NewRequest.of(List.of("editor"), ""), Optional.empty()).request();

        assertThatThrownBy(() -> airlock.reviewRequest()
                .handle(user("eve", "editors-requesters"), requested.id(), Verdict.APPROVE, ""))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(airlock.reviewRequest().handle(user("carol", "editors-reviewers"), requested.id(),
                Verdict.DENY, "not now").state()).isEqualTo(RequestState.DENIED);
    }

    @Test
    void theReviewerRoleWithAWhereClause_isRefusedByName() {
        String withWhere = GUIDE.replace("      roles: ['editor']\n---\nkind: role\nversion: v7\nmetadata:\n  name: editor-requester",
                "      roles: ['editor']\n      where: 'contains(reviewer.traits[\"team\"], \"docs\")'\n---\nkind: role\nversion: v7\nmetadata:\n  name: editor-requester");
        assertThat(withWhere).contains("where:");

        assertThatThrownBy(() -> RoleFileParser.parse(withWhere, "editor-request-rbac.yaml"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("editor-request-rbac.yaml: document 1 (role 'editor-reviewer'): "
                        + "spec.allow.review_requests.where: not supported by Airlock: reviewers are chosen by "
                        + "review_requests.roles only (predicate filters are not implemented); it would change "
                        + "who may review");
    }

    @Test
    void suggestedReviewersAndPrompt_reachTheRequesterAndTheAuditRecord() {
        RoleConfig withHints = RoleFileParser.parse(GUIDE.replace("      deny: 1\n", "      deny: 1\n"
                + "      suggested_reviewers: [alice, carol]\n"
                + "  options:\n"
                + "    request_prompt: Which release?\n"), "hints.yaml");
        Airlock hinted = new Airlock(new InMemoryAccessRequestStore(audit), audit, new FixedRoleCatalog(withHints),
                InMemoryCertificateAuthority.ed25519(), clock);
        Identity bob = new Identity("bob", withHints.baseRolesFor(Map.of("groups", List.of("editors-requesters"))));

        RequestAccess.Created created = hinted.requestAccess()
                .handle(bob, NewRequest.of(List.of("editor"), "r1"), Optional.empty());

        assertThat(created.guidance().requestPrompt()).contains("Which release?");
        assertThat(created.guidance().suggestedReviewers()).containsExactly("alice", "carol");
        AuditRecord first = audit.read("request#" + created.request().id()).get(0);
        assertThat(first.details()).containsEntry("suggestedReviewers", "alice,carol");
    }
}
