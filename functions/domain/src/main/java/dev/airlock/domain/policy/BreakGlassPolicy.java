package dev.airlock.domain.policy;

import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.role.BreakGlass;
import dev.airlock.domain.role.Identity;
import dev.airlock.domain.role.Role;
import dev.airlock.domain.role.RoleSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may break glass into what (docs/ROLES.md "Break-glass"). Everything {@link RequestPolicy} demands of a
 * request holds (requestable, not denied, not already held); in addition every requested role must be listed
 * in {@code allow.request.break_glass.roles} of a base role that allows requesting it, and a reason is always
 * required. The access window cap is the strictest of the break-glass caps ({@link BreakGlass#DEFAULT_MAX_DURATION}
 * when unset) and the normal cap, so break-glass is never longer than an approved request could be.
 */
public final class BreakGlassPolicy {

    private final RoleSet roles;
    private final RequestPolicy requests;
    private final AccessWindowPolicy window;

    public BreakGlassPolicy(RoleSet roles, Clock clock) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.requests = new RequestPolicy(roles, clock);
        this.window = new AccessWindowPolicy(clock);
    }

    /**
     * Opens a break-glass request: APPROVED now, its post-review due {@code postReviewDeadline} from now.
     *
     * @throws InvalidRequestException code {@code reason_required}, or see {@link RequestPolicy#validate} and
     *                                 {@link AccessWindowPolicy#accessDuration}
     * @throws AccessDeniedException   code {@code break_glass_not_allowed} for a role no base role lets them
     *                                 break glass into, or see {@link RequestPolicy#validate}
     */
    public AccessRequest open(String id, Identity requester, Collection<String> requestedRoles, String reason,
            Optional<Duration> requestedDuration, Duration postReviewDeadline) {
        ValidatedRequest valid = requests.validate(requester, requestedRoles, reason);
        if (valid.reason().isEmpty()) {
            throw new InvalidRequestException("reason_required", "break-glass needs a reason");
        }
        List<Role> base = requester.roles().stream().map(roles::require).toList();
        Optional<Duration> cap = valid.maxAccessDuration().or(() -> Optional.of(
                AccessWindowPolicy.DEFAULT_MAX_ACCESS_DURATION));
        for (String role : valid.roles()) {
            cap = RequestPolicy.stricter(cap, Optional.of(breakGlassCap(base, role)));
        }
        Duration access = window.accessDuration(cap, requestedDuration);
        return AccessRequest.breakGlass(id, valid.user(), valid.roles(), valid.reason(), window.now(), access,
                valid.thresholdsByRole(), window.now().plus(postReviewDeadline));
    }

    /** The strictest break-glass cap among the base roles that allow requesting {@code role} and list it. */
    private static Duration breakGlassCap(List<Role> base, String role) {
        return base.stream()
                .filter(r -> r.allow().request().roles().contains(role))
                .map(r -> r.allow().request().breakGlass())
                .filter(b -> b.roles().contains(role))
                .map(BreakGlass::effectiveMaxDuration)
                .min(Duration::compareTo)
                .orElseThrow(() -> new AccessDeniedException("break_glass_not_allowed",
                        "your roles do not allow break-glass into role '" + role + "'"));
    }
}
