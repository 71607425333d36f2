package dev.airlock.domain.policy;

import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.role.Identity;
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
 * What a certificate for a caller may say (DESIGN.md "Certificates"). Without a request the caller gets
 * their base roles only; with one, it must be theirs and APPROVED and unexpired at now, and its roles are
 * added. Principals are the logins of all those roles minus any login one of them denies.
 *
 * <p>Extensions are combined <b>strictly</b>: an extension is granted only if every contributing role
 * allows it. Teleport mixes rules per option; the strict rule is simpler to reason about and never grants
 * more than each role alone would. Validity follows {@link AccessWindowPolicy#certificateValidity}.
 */
public final class CertificatePolicy {

    public static final String PERMIT_PTY = "permit-pty";
    public static final String PERMIT_PORT_FORWARDING = "permit-port-forwarding";
    public static final String PERMIT_AGENT_FORWARDING = "permit-agent-forwarding";
    public static final String PERMIT_X11_FORWARDING = "permit-X11-forwarding";
    public static final String PERMIT_USER_RC = "permit-user-rc";

    private static final Map<String, Predicate<RoleOptions>> EXTENSIONS = Map.of(
            PERMIT_PTY, RoleOptions::permitPty,
            PERMIT_PORT_FORWARDING, RoleOptions::portForwarding,
            PERMIT_AGENT_FORWARDING, RoleOptions::forwardAgent,
            PERMIT_X11_FORWARDING, RoleOptions::permitX11Forwarding,
            PERMIT_USER_RC, RoleOptions::permitUserRc);

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
     *                               {@code no_logins} when the roles grant no login at all
     * @throws ConflictException     code {@code not_approved} when the request is not APPROVED at now
     *                               (pending, denied, expired, revoked, withdrawn)
     */
    public CertificateGrant grant(Identity caller, Optional<AccessRequest> request) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(request, "request");
        Instant now = window.now();
        List<Role> contributing = new ArrayList<>();
        caller.roles().forEach(name -> contributing.add(roles.require(name)));
        if (request.isPresent()) {
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
        EXTENSIONS.forEach((name, allows) -> {
            if (!contributing.isEmpty() && contributing.stream().allMatch(r -> allows.test(r.options()))) {
                granted.put(name, "");
            }
        });
        return granted;
    }
}
