package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.policy.RequesterGuidance;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.AuditHead;
import dev.airlock.domain.role.Identity;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /requests}: the caller asks for roles; a PENDING request is stored with the first
 * record of its audit chain ({@code request.created}).
 */
public final class RequestAccess {

    /** Longest {@code Idempotency-Key} accepted (docs/API.md). */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 128;

    /** The audit action of a new request. */
    public static final AuditAction ACTION = AuditAction.REQUEST_CREATED;

    private final AccessRequestStore store;
    private final RoleCatalog roleCatalog;
    private final Clock clock;

    public RequestAccess(AccessRequestStore store, RoleCatalog roleCatalog, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.roleCatalog = Objects.requireNonNull(roleCatalog, "roleCatalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A new request, or — for an idempotency key the caller already used — the request first created
     * with it (nothing is written then; the command is still validated first, so a retry of a bad
     * command fails the same way).
     *
     * @param idempotencyKey scoped to the caller; at most {@value #MAX_IDEMPOTENCY_KEY_LENGTH}
     *                       printable ASCII characters
     * @throws InvalidRequestException code {@code invalid_idempotency_key}, or see {@code RequestPolicy#open}
     * @throws AccessDeniedException   code {@code not_requestable} for a role the caller may not request
     */
    public Created handle(Identity caller, NewRequest cmd, Optional<String> idempotencyKey) {
        Requests.required(caller, "caller");
        Requests.required(cmd, "request");
        Optional<String> key = checkIdempotencyKey(idempotencyKey);
        Policies policies = Policies.at(roleCatalog, clock);
        String id = UUID.randomUUID().toString();
        AccessRequest opened = policies.requests().open(id, caller, cmd.roles(), cmd.reason(),
                cmd.accessDuration(), cmd.pendingTtl());
        RequesterGuidance guidance = policies.requests().guidance(caller, opened.roles());
        AuditRecord first = AuditRecord.next(AuditHead.GENESIS, AuditChains.forRequest(id), policies.now(), caller.user(),
                ACTION, details(opened, guidance));
        AccessRequest stored = store.create(opened.withAuditHead(first.head()), first, key);
        boolean replayed = !stored.id().equals(id);
        if (replayed) {
            return new Created(Requests.asOf(stored, policies.now()), true,
                    policies.requests().guidance(caller, stored.roles()));
        }
        return new Created(stored, false, guidance);
    }

    /**
     * The {@code request.created} record; {@code suggestedReviewers} (from the roles that allowed the
     * request) is recorded only when there are some, so notifications reading the audit stream can reach them.
     */
    private static Map<String, String> details(AccessRequest request, RequesterGuidance guidance) {
        AuditDetails details = AuditDetails.builder()
                .put("roles", request.roles())
                .put("reason", request.reason())
                .put("pendingExpiresAt", request.pendingExpiresAt())
                .put("accessDuration", request.accessDuration());
        if (!guidance.suggestedReviewers().isEmpty()) {
            details.put("suggestedReviewers", guidance.suggestedReviewers());
        }
        return details.build();
    }

    static Optional<String> checkIdempotencyKey(Optional<String> key) {
        Optional<String> given = key == null ? Optional.empty() : key;
        given.ifPresent(k -> {
            if (k.isBlank() || k.length() > MAX_IDEMPOTENCY_KEY_LENGTH || !Printable.isPrintableAscii(k)) {
                throw new InvalidRequestException("invalid_idempotency_key", "the idempotency key must be 1 to "
                        + MAX_IDEMPOTENCY_KEY_LENGTH + " printable ASCII characters");
            }
        });
        return given;
    }

    /**
     * The outcome of {@link #handle}.
     *
     * @param request  the stored request (for a replay: the first one, as of now)
     * @param replayed true when an earlier request with the same idempotency key was returned instead
     *                 of creating one (HTTP 200 with {@code Idempotent-Replayed: true}, else 201)
     * @param guidance the requester's {@code request_prompt} and the suggested reviewers, to show them
     */
    public record Created(AccessRequest request, boolean replayed, RequesterGuidance guidance) {

        public Created {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(guidance, "guidance");
        }

        /** A result without prompt or suggestions. */
        public Created(AccessRequest request, boolean replayed) {
            this(request, replayed, RequesterGuidance.NONE);
        }
    }
}
