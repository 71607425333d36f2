package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.AuditHead;
import dev.airlock.domain.role.Identity;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /requests} with {@code "breakGlass": true}: the request is stored APPROVED at once, with the
 * first record of its chain ({@code request.break_glass_opened}), if the requester is under the per-user
 * rate limit (the store counts and writes atomically). A reviewer must review it afterwards
 * ({@link ReviewRequest}).
 */
public final class BreakGlassAccess {

    /** The audit action that opens a break-glass request. */
    public static final AuditAction ACTION = AuditAction.REQUEST_BREAK_GLASS_OPENED;

    private final AccessRequestStore store;
    private final RoleCatalog roleCatalog;
    private final Clock clock;
    private final BreakGlassSettings settings;

    public BreakGlassAccess(AccessRequestStore store, RoleCatalog roleCatalog, Clock clock,
                            BreakGlassSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.roleCatalog = Objects.requireNonNull(roleCatalog, "roleCatalog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Opens a break-glass request, or returns the one first opened with the same idempotency key.
     *
     * @throws dev.airlock.domain.error.InvalidRequestException see {@code BreakGlassPolicy#open}
     * @throws dev.airlock.domain.error.AccessDeniedException   code {@code break_glass_not_allowed},
     *                                                          {@code not_requestable}
     * @throws dev.airlock.domain.error.ThrottledException      code {@code break_glass_rate_limited}
     */
    public RequestAccess.Created handle(Identity caller, NewRequest cmd, Optional<String> idempotencyKey) {
        Requests.required(caller, "caller");
        Requests.required(cmd, "request");
        Optional<String> key = RequestAccess.checkIdempotencyKey(idempotencyKey);
        Policies policies = Policies.at(roleCatalog, clock);
        String id = UUID.randomUUID().toString();
        AccessRequest opened = policies.breakGlass().open(id, caller,
                cmd.roles(), cmd.reason(), cmd.accessDuration(), settings.postReviewDeadline());
        AuditRecord first = AuditRecord.next(AuditHead.GENESIS, AuditChains.forRequest(id), opened.createdAt(),
                caller.user(), ACTION, details(opened));
        AccessRequest stored = store.createBreakGlass(opened.withAuditHead(first.head()), first, key,
                settings.quota());
        boolean replayed = !stored.id().equals(id);
        return new RequestAccess.Created(replayed ? Requests.asOf(stored, policies.now()) : stored, replayed);
    }

    private static Map<String, String> details(AccessRequest opened) {
        return AuditDetails.builder()
                .put("roles", opened.roles())
                .put("reason", opened.reason())
                .put("accessDuration", opened.accessDuration())
                .put("accessExpiresAt", opened.accessExpiresAt().orElseThrow())
                .put("postReviewDueAt", opened.postReview().orElseThrow().dueAt())
                .build();
    }
}
