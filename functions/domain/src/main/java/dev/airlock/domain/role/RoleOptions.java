package dev.airlock.domain.role;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code spec.options}: caps and permissions a role puts on certificates that carry it, and how its holders
 * request more. Defaults follow Teleport: PTY, port forwarding and user rc allowed; agent and X11
 * forwarding not; requesting optional.
 *
 * @param maxSessionTtl       cap on the validity of any certificate carrying this role; empty = default
 * @param permitPty           {@code permit_pty} → certificate extension {@code permit-pty}
 * @param portForwarding      {@code port_forwarding} → {@code permit-port-forwarding}
 * @param forwardAgent        {@code forward_agent} → {@code permit-agent-forwarding}
 * @param permitX11Forwarding {@code permit_x11_forwarding} → {@code permit-X11-forwarding}
 * @param permitUserRc        {@code permit_user_rc} → {@code permit-user-rc}
 * @param requestAccess       {@code request_access}: whether holders must give a reason or must request
 * @param requestPrompt       {@code request_prompt}: the text shown to holders when they request roles
 */
public record RoleOptions(
        Optional<Duration> maxSessionTtl,
        boolean permitPty,
        boolean portForwarding,
        boolean forwardAgent,
        boolean permitX11Forwarding,
        boolean permitUserRc,
        RequestAccess requestAccess,
        Optional<String> requestPrompt) {

    /** The options of a role whose {@code spec.options} is empty. */
    public static final RoleOptions DEFAULTS = new RoleOptions(Optional.empty(), true, true, false, false, true);

    /** Options with the default request strategy and no prompt. */
    public RoleOptions(Optional<Duration> maxSessionTtl, boolean permitPty, boolean portForwarding,
            boolean forwardAgent, boolean permitX11Forwarding, boolean permitUserRc) {
        this(maxSessionTtl, permitPty, portForwarding, forwardAgent, permitX11Forwarding, permitUserRc,
                RequestAccess.OPTIONAL, Optional.empty());
    }

    public RoleOptions {
        Objects.requireNonNull(maxSessionTtl, "maxSessionTtl");
        Objects.requireNonNull(requestAccess, "requestAccess");
        Objects.requireNonNull(requestPrompt, "requestPrompt");
        maxSessionTtl.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("maxSessionTtl must be positive: " + d);
            }
        });
    }
}
