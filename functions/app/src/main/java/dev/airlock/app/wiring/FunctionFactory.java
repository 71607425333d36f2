package dev.airlock.app.wiring;

import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.function.ApproveFunction;
import dev.airlock.app.function.ExpireFunction;
import dev.airlock.app.function.ListFunction;
import dev.airlock.app.function.RequestFunction;
import dev.airlock.app.function.SignFunction;
import dev.airlock.app.http.ClaimsIdentity;
import dev.airlock.core.api.Routes;
import dev.airlock.core.usecase.ExpireRequests;
import dev.airlock.core.usecase.GetCaPublicKey;
import dev.airlock.core.usecase.IssueCertificate;
import dev.airlock.core.usecase.ListRequests;
import dev.airlock.core.usecase.RequestAccess;
import dev.airlock.core.usecase.ReviewRequest;
import dev.airlock.core.usecase.WithdrawRequest;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds one function with exactly the use cases and ports it needs: {@code expire} asks for the
 * store only, only {@code sign} asks for the audit log and the CA.
 */
public final class FunctionFactory {

    private final AirlockConfig config;
    private final Clock clock;
    private final Ports ports;

    public FunctionFactory(AirlockConfig config, Clock clock, Ports ports) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    /** The function named {@code name} in {@link Routes}. */
    public Function<?, ?> create(String name) {
        return switch (name) {
            case Routes.REQUEST -> new RequestFunction(identities(),
                    new RequestAccess(ports.store(), ports.roleCatalog(), clock),
                    new WithdrawRequest(ports.store(), clock), clock);
            case Routes.LIST -> new ListFunction(identities(),
                    new ListRequests(ports.store(), ports.roleCatalog(), clock), clock);
            case Routes.APPROVE -> new ApproveFunction(identities(),
                    new ReviewRequest(ports.store(), ports.roleCatalog(), clock), clock);
            case Routes.SIGN -> new SignFunction(identities(),
                    new IssueCertificate(ports.store(), ports.auditLog(), ports.roleCatalog(),
                            ports.certificateAuthority(), clock),
                    new GetCaPublicKey(ports.certificateAuthority()));
            case Routes.EXPIRE -> new ExpireFunction(new ExpireRequests(ports.store(), clock));
            default -> throw new IllegalArgumentException("no function named '" + name + "'");
        };
    }

    private ClaimsIdentity identities() {
        return new ClaimsIdentity(config.userClaim(), config.groupsClaim(), ports.roleCatalog());
    }
}
