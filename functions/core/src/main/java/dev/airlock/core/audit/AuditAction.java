package dev.airlock.core.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every action an audit record can name, with the text stored in {@link AuditRecord#action()} (and so
 * covered by its hash: the wire text of an existing action never changes). A reader of the chains (the
 * verifier, a notifier fed by the table's stream) switches on this type; {@link #of} maps stored text
 * back, empty for an action this build does not know (a newer writer's), which a reader must tolerate.
 */
public enum AuditAction {

    /** A user asked for access; the first record of a request chain. */
    REQUEST_CREATED("request.created"),
    /** A reviewer approved (one review; the request may still need more). */
    REVIEW_APPROVED("review.approved"),
    /** A reviewer denied. */
    REVIEW_DENIED("review.denied"),
    /**
     * The review threshold was met: the request is APPROVED. Not a record's action: the deciding
     * {@link #REVIEW_APPROVED} record carries it as its {@code resolution} detail.
     */
    REQUEST_APPROVED("request.approved"),
    /** A denial resolved the request: it is DENIED (the {@code resolution} detail of a {@link #REVIEW_DENIED} record). */
    REQUEST_DENIED("request.denied"),
    /** The requester withdrew a pending request. */
    REQUEST_WITHDRAWN("request.withdrawn"),
    /**
     * A break-glass request was opened: APPROVED at once without a reviewer, a post-review due; the first
     * record of its request chain (docs/AUDIT.md).
     */
    REQUEST_BREAK_GLASS_OPENED("request.break_glass_opened"),
    /** A reviewer confirmed a break-glass request afterwards (its state does not change). */
    REQUEST_POST_REVIEW_CONFIRMED("request.post_review_confirmed"),
    /**
     * A reviewer denied a break-glass request afterwards: a finding; if its access was still open it is
     * REVOKED and its certificates are in the KRL, as for {@link #REQUEST_REVOKED}.
     */
    REQUEST_POST_REVIEW_REVOKED("request.post_review_revoked"),
    /**
     * The sweep recorded that a break-glass request's post-review is past its deadline (once per request):
     * the state does not change; the record exists so the overdue obligation reaches the notifier through
     * the audit stream like every other event.
     */
    REQUEST_POST_REVIEW_OVERDUE("request.post_review_overdue"),
    /** An approved request was revoked before its window closed. */
    REQUEST_REVOKED("request.revoked"),
    /** The sweep recorded that an open request's window closed. */
    REQUEST_EXPIRED("request.expired"),
    /** A certificate was signed (request chain, or {@code user#<name>} for base roles only). */
    CERTIFICATE_ISSUED("certificate.issued"),
    /** One certificate was revoked (its request's chain, or {@code user#<holder>} for base roles only). */
    CERTIFICATE_REVOKED("certificate.revoked"),
    /**
     * A CA key was created or first used (chain {@code ca}): its key id, key spec and OpenSSH SHA256
     * fingerprint. No CA key signs before such a record names it ({@code RegisteredCertificateAuthority}).
     */
    CA_KEY_REGISTERED("ca.key_registered"),
    /** An operator applied a role file (chain {@code config}). */
    ROLES_APPLIED("roles.applied"),
    /** An operator applied a notification routing file (chain {@code config}; docs/NOTIFICATIONS.md). */
    NOTIFICATIONS_APPLIED("notifications.applied"),
    /**
     * The checkpoint function saw a change no Airlock writer makes: a MODIFY or REMOVE on the audit
     * table, or an INSERT that does not extend its chain's head (chain {@code tamper}).
     */
    TAMPER("audit.tamper");

    private static final Map<String, AuditAction> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AuditAction::wire, Function.identity()));

    private final String wire;

    AuditAction(String wire) {
        this.wire = wire;
    }

    /** The text stored in the record and hashed, e.g. {@code request.created}. */
    public String wire() {
        return wire;
    }

    /** The action a stored record names; empty for text this build does not know. */
    public static Optional<AuditAction> of(String wire) {
        return Optional.ofNullable(BY_WIRE.get(wire));
    }

    @Override
    public String toString() {
        return wire;
    }
}
