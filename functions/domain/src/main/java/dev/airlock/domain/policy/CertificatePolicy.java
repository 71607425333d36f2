package dev.airlock.domain.policy;

import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.role.Identity;
import dev.airlock.domain.role.RequestAccess;
import dev.airlock.domain.role.Role;
import dev.airlock.domain.role.RoleOptions;
import dev.airlock.domain.role.RoleSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What a certificate for a caller may say (docs/ARCHITECTURE.md "Certificates"). Without a request the caller gets
 * their base roles only; with one, it must be theirs and APPROVED and unexpired at now, and its roles are
 * added. Principals are the logins of all those roles minus any login one of them denies.
 *
 * <p>Extensions combine as Teleport's role reference documents for multiple roles
 * (https://goteleport.com/docs/reference/access-controls/roles/, "Role options"): {@code forward_agent} and
 * {@code port_forwarding} are a logical OR (any contributing role that allows it grants it;
 * {@code port_forwarding} is allowed unless a role sets it to false). Where that page states no rule
 * ({@code permit_x11_forwarding}) and for Airlock's own {@code permit_pty} and {@code permit_user_rc}, the
 * strict rule holds: granted only if every contributing role allows it. Validity follows
 * {@link AccessWindowPolicy#certificateValidity}.
 *
 * <p>A caller whose base role says {@code request_access: always} gets no certificate for base roles
 * alone: Teleport's "always" strategy means holders work only under an approved request.
 */
public final class CertificatePolicy {

    public static final String PERMIT_PTY = "permit-pty";
    public static final String PERMIT_PORT_FORWARDING = "permit-port-forwarding";
    public static final String PERMIT_AGENT_FORWARDING = "permit-agent-forwarding";
    public static final String PERMIT_X11_FORWARDING = "permit-X11-forwarding";
    public static final String PERMIT_USER_RC = "permit-user-rc";

    /** Extensions granted when every contributing role allows them. */
    private static final Map<String, Predicate<RoleOptions>> ALL_MUST_ALLOW = Map.of(
            PERMIT_PTY, RoleOptions::permitPty,
            PERMIT_X11_FORWARDING, RoleOptions::permitX11Forwarding,
            PERMIT_USER_RC, RoleOptions::permitUserRc);

    /** Extensions granted when any contributing role allows them (Teleport's documented OR). */
    private static final Map<String, Predicate<RoleOptions>> ANY_MAY_ALLOW = Map.of(
            PERMIT_PORT_FORWARDING, RoleOptions::portForwarding,
            PERMIT_AGENT_FORWARDING, RoleOptions::forwardAgent);

    private final RoleSet roles;
    private final AccessWindowPolicy window;

    public CertificatePolicy(RoleSet roles, Clock clock) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.window = new AccessWindowPolicy(clock);
    }

    /**
     * Decides the certificate for {@code caller}, optionally under an approved request.
     *
     * @throws AccessDeniedException code {@code not_requester} when the request is someone else's,
     *                               {@code no_logins} when the roles grant no login at all,
     *                               {@code request_required} without a request when a base role says
     *                               {@code request_access: always}
     * @throws ConflictException     code {@code not_approved} when the request is not APPROVED at now
     *                               (pending, denied, expired, revoked, withdrawn)
     */
    public CertificateGrant grant(Identity caller, Optional<AccessRequest> request) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(request, "request");
        Instant now = window.now();
        List<Role> contributing = new ArrayList<>();
        caller.roles().forEach(name -> contributing.add(roles.require(name)));
        if (request.isEmpty()) {
            requireNoAlwaysStrategy(contributing);
        } else {
            AccessRequest r = request.get();
            if (!r.user().equals(caller.user())) {
                throw new AccessDeniedException("not_requester", "request " + r.id() + " is not yours");
            }
            RequestState state = r.stateAt(now);
            if (state != RequestState.APPROVED) {
                throw new ConflictException("not_approved", "request " + r.id() + " is " + state + ", not APPROVED");
            }
            r.roles().forEach(name -> contributing.add(roles.require(name)));
        }
        List<String> principals = principals(contributing);
        if (principals.isEmpty()) {
            throw new AccessDeniedException("no_logins", "your roles grant no SSH login");
        }
        AccessWindowPolicy.CertificateValidity validity = window.certificateValidity(
                request.flatMap(AccessRequest::accessExpiresAt), strictestSessionTtl(contributing));
        return new CertificateGrant(caller.user(), request.map(AccessRequest::id), principals,
                validity.validAfter(), validity.validBefore(), extensions(contributing));
    }

    /** What {@link #grant} gives {@code caller} without a request, without signing anything. */
    public BaseAccess baseAccess(Identity caller) {
        Objects.requireNonNull(caller, "caller");
        List<Role> base = caller.roles().stream().map(roles::require).toList();
        List<String> principals = principals(base);
        boolean always = base.stream().anyMatch(r -> r.options().requestAccess() == RequestAccess.ALWAYS);
        return new BaseAccess(principals, strictestSessionTtl(base), !always && !principals.isEmpty());
    }

    private static void requireNoAlwaysStrategy(List<Role> base) {
        base.stream().filter(r -> r.options().requestAccess() == RequestAccess.ALWAYS).findFirst().ifPresent(r -> {
            throw new AccessDeniedException("request_required", "your role '" + r.name()
                    + "' requires an approved access request (options.request_access: always); request roles "
                    + "and sign in under the approved request");
        });
    }

    static List<String> principals(List<Role> contributing) {
        TreeSet<String> logins = new TreeSet<>();
        contributing.forEach(r -> logins.addAll(r.allow().logins()));
        contributing.forEach(r -> r.deny().logins().forEach(logins::remove));
        return List.copyOf(logins);
    }

    static Optional<Duration> strictestSessionTtl(List<Role> contributing) {
        Optional<Duration> strictest = Optional.empty();
        for (Role r : contributing) {
            strictest = RequestPolicy.stricter(strictest, r.options().maxSessionTtl());
        }
        return strictest;
    }

    static Map<String, String> extensions(List<Role> contributing) {
        Map<String, String> granted = new TreeMap<>();
        if (contributing.isEmpty()) {
            return granted;
        }
        ALL_MUST_ALLOW.forEach((name, allows) -> {
            if (contributing.stream().allMatch(r -> allows.test(r.options()))) {
                granted.put(name, "");
            }
        });
        ANY_MAY_ALLOW.forEach((name, allows) -> {
            if (contributing.stream().anyMatch(r -> allows.test(r.options()))) {
                granted.put(name, "");
            }
        });
        return granted;
    }
}
