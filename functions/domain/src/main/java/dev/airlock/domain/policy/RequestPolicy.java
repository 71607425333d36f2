package dev.airlock.domain.policy;

import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.role.Identity;
import dev.airlock.domain.role.ReasonMode;
import dev.airlock.domain.role.RequestAccess;
import dev.airlock.domain.role.Role;
import dev.airlock.domain.role.RoleSet;
import dev.airlock.domain.role.Threshold;
import dev.airlock.domain.text.FreeText;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who may request what (docs/ARCHITECTURE.md "Domain"). A caller may request a role only if one of their base roles
 * lists it in {@code allow.request.roles} and none lists it in {@code deny.request.roles} (deny beats
 * allow), never a role they already hold. A reason is required when any base role that allows one of the
 * requested roles says {@code reason.mode: required}, or when any base role says
 * {@code options.request_access: reason} (Teleport's older, per-holder way to require one).
 *
 * <p>When several base roles allow the same requested role, their threshold lists are concatenated and
 * OR'd (see {@link ValidatedRequest#thresholdsByRole()}); the access window cap is the strictest
 * {@code max_duration} among all of them.
 */
public final class RequestPolicy {

    /** Most roles in one request. */
    public static final int MAX_ROLES_PER_REQUEST = 8;

    /** Longest request reason, in characters. */
    public static final int MAX_REASON_LENGTH = 1024;

    /** The reason's field name in the API, named in errors. */
    static final String REASON_FIELD = "reason";

    private final RoleSet roles;
    private final AccessWindowPolicy window;

    public RequestPolicy(RoleSet roles, Clock clock) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.window = new AccessWindowPolicy(clock);
    }

    /**
     * Checks a role request against the requester's base roles.
     *
     * @throws InvalidRequestException code {@code roles_required}, {@code too_many_roles},
     *                                 {@code role_already_held}, {@code reason_required}, {@code reason_too_long} or
     *                                 {@code unsafe_text} (see {@link FreeText})
     * @throws AccessDeniedException   code {@code not_requestable} for a role no base role lets them request
     *                                 (or one a base role denies)
     */
    public ValidatedRequest validate(Identity requester, Collection<String> requestedRoles, String reason) {
        Objects.requireNonNull(requester, "requester");
        List<String> wanted = normalizeRoles(requestedRoles);
        FreeText.requireDisplayable(REASON_FIELD, reason);
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.length() > MAX_REASON_LENGTH) {
            throw new InvalidRequestException("reason_too_long",
                    "reason is longer than " + MAX_REASON_LENGTH + " characters");
        }
        List<Role> base = requester.roles().stream().map(roles::require).toList();
        Map<String, List<Threshold>> thresholds = new TreeMap<>();
        Optional<Duration> maxDuration = Optional.empty();
        boolean reasonRequired = false;
        for (String role : wanted) {
            List<Role> allowing = allowingRoles(requester, base, role);
            List<Threshold> list = new ArrayList<>();
            for (Role r : allowing) {
                list.addAll(r.allow().request().effectiveThresholds());
                reasonRequired |= r.allow().request().reasonMode() == ReasonMode.REQUIRED;
                maxDuration = stricter(maxDuration, r.allow().request().maxDuration());
            }
            thresholds.put(role, List.copyOf(list));
        }
        reasonRequired |= base.stream().anyMatch(r -> r.options().requestAccess() == RequestAccess.REASON);
        if (reasonRequired && trimmed.isEmpty()) {
            throw new InvalidRequestException("reason_required", "a reason is required to request " + wanted
                    + prompt(base).map(p -> " (" + p + ")").orElse(""));
        }
        return new ValidatedRequest(requester.user(), wanted, trimmed, thresholds, maxDuration);
    }

    /**
     * Validates a role request and opens it as a new PENDING request (version 0).
     *
     * @param id                   the new request's UUID
     * @param requestedDuration    access window wanted after approval; default: the cap
     * @param requestedPendingTtl  how long to wait for reviews; default {@link AccessWindowPolicy#DEFAULT_PENDING_TTL}
     * @throws InvalidRequestException see {@link #validate} and {@link AccessWindowPolicy}
     * @throws AccessDeniedException   see {@link #validate}
     */
    public AccessRequest open(String id, Identity requester, Collection<String> requestedRoles, String reason,
            Optional<Duration> requestedDuration, Optional<Duration> requestedPendingTtl) {
        ValidatedRequest valid = validate(requester, requestedRoles, reason);
        Duration access = window.accessDuration(valid.maxAccessDuration(), requestedDuration);
        return AccessRequest.create(id, valid.user(), valid.roles(), valid.reason(), window.now(),
                window.pendingExpiresAt(requestedPendingTtl), access, valid.thresholdsByRole());
    }

    /**
     * What the requester is shown about requesting these roles: the {@code options.request_prompt} of their
     * base roles (the first, by role name, that sets one, as Teleport takes the first) and the
     * {@code suggested_reviewers} of the base roles that allow any of {@code requestedRoles} (sorted,
     * distinct). Suggestions only: who may review is {@link ReviewPolicy}'s decision.
     */
    public RequesterGuidance guidance(Identity requester, Collection<String> requestedRoles) {
        Objects.requireNonNull(requester, "requester");
        List<Role> base = requester.roles().stream().map(roles::require).toList();
        TreeSet<String> reviewers = new TreeSet<>();
        for (Role r : base) {
            if (r.allow().request().roles().stream().anyMatch(requestedRoles::contains)) {
                reviewers.addAll(r.allow().request().suggestedReviewers());
            }
        }
        return new RequesterGuidance(prompt(base), List.copyOf(reviewers));
    }

    /**
     * The roles {@code requester} may ask for now: listed in {@code allow.request.roles} of a base role,
     * denied by none ({@code deny.request.roles}) and not already held — exactly what {@link #validate}
     * accepts one by one. Sorted.
     */
    public List<String> requestableRoles(Identity requester) {
        Objects.requireNonNull(requester, "requester");
        List<Role> base = requester.roles().stream().map(roles::require).toList();
        TreeSet<String> requestable = new TreeSet<>();
        base.forEach(r -> requestable.addAll(r.allow().request().roles()));
        requestable.removeIf(role -> requester.holds(role)
                || base.stream().anyMatch(r -> r.deny().request().roles().contains(role)));
        return List.copyOf(requestable);
    }

    private static Optional<String> prompt(List<Role> base) {
        return base.stream().map(r -> r.options().requestPrompt()).flatMap(Optional::stream).findFirst();
    }

    private static List<String> normalizeRoles(Collection<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidRequestException("roles_required", "request at least one role");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String role : requested) {
            if (role == null || role.isBlank()) {
                throw new InvalidRequestException("invalid_role_name", "role names must not be blank");
            }
            sorted.add(role.strip());
        }
        if (sorted.size() > MAX_ROLES_PER_REQUEST) {
            throw new InvalidRequestException("too_many_roles",
                    "at most " + MAX_ROLES_PER_REQUEST + " roles may be requested at once, got " + sorted.size());
        }
        return List.copyOf(sorted);
    }

    private static List<Role> allowingRoles(Identity requester, List<Role> base, String role) {
        if (requester.holds(role)) {
            throw new InvalidRequestException("role_already_held", "you already hold role '" + role + "'");
        }
        boolean denied = base.stream().anyMatch(r -> r.deny().request().roles().contains(role));
        List<Role> allowing = base.stream().filter(r -> r.allow().request().roles().contains(role)).toList();
        if (denied || allowing.isEmpty()) {
            throw new AccessDeniedException("not_requestable", "you may not request role '" + role + "'");
        }
        return allowing;
    }

    static Optional<Duration> stricter(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().compareTo(b.get()) <= 0 ? a : b;
    }
}
