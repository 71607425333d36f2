package dev.airlock.app.wiring;

import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.function.ApproveFunction;
import dev.airlock.app.function.ExpireFunction;
import dev.airlock.app.function.ListFunction;
import dev.airlock.app.function.RequestFunction;
import dev.airlock.app.function.SignFunction;
import dev.airlock.app.http.ClaimsIdentity;
import dev.airlock.core.api.Routes;
import dev.airlock.app.logging.EmbeddedMetric;
import dev.airlock.app.config.CheckpointSettings;
import dev.airlock.app.stream.CheckpointFunction;
import dev.airlock.app.stream.StreamEventFunction;
import dev.airlock.core.api.StreamConsumer;
import dev.airlock.core.usecase.TakeCheckpoints;
import dev.airlock.app.stream.NotifyFunction;
import dev.airlock.core.usecase.Delivery;
import dev.airlock.core.usecase.Notify;
import dev.airlock.core.usecase.BreakGlassAccess;
import dev.airlock.core.usecase.PostReviewQueue;
import dev.airlock.core.usecase.BuildKrl;
import dev.airlock.core.usecase.ExpireRequests;
import dev.airlock.core.usecase.RevokeCertificate;
import dev.airlock.core.usecase.RevokeRequest;
import dev.airlock.core.usecase.GetCaPublicKey;
import dev.airlock.core.usecase.IssueCertificate;
import dev.airlock.core.usecase.DescribeCaller;
import dev.airlock.core.usecase.ListCertificates;
import dev.airlock.core.usecase.ListRequests;
import dev.airlock.core.usecase.ReadRequestAudit;
import dev.airlock.core.usecase.RequestAccess;
import dev.airlock.core.usecase.ReviewRequest;
import dev.airlock.core.usecase.WithdrawRequest;

import dev.airlock.identity.BearerTokenVerifier;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds one function with exactly the use cases and ports it needs: {@code expire} asks for the
 * store only, {@code list} reads the audit log (request chains, for {@code GET /requests/{id}/audit}),
 * only {@code sign} appends to it and asks for the CA.
 */
public final class FunctionFactory {

    private final AirlockConfig config;
    private final Clock clock;
    private final Ports ports;
    private final Supplier<ClaimsIdentity> identities;

    /** Builds its own token verifier (and JWK set cache) on first use. */
    public FunctionFactory(AirlockConfig config, Clock clock, Ports ports) {
        this(config, clock, ports, Memo.of(() -> identities(config, clock, ports)));
    }

    /** @param identities the process's one {@link ClaimsIdentity}, so every function shares its key cache */
    public FunctionFactory(AirlockConfig config, Clock clock, Ports ports, Supplier<ClaimsIdentity> identities) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ports = Objects.requireNonNull(ports, "ports");
        this.identities = Objects.requireNonNull(identities, "identities");
    }

    /**
     * How the HTTP functions identify callers under {@code config}: tokens verified against its issuer
     * (keys fetched on first use, never at start-up), or, in a local run without an issuer, nobody.
     */
    public static ClaimsIdentity identities(AirlockConfig config, Clock clock, Ports ports) {
        return config.identity()
                .map(settings -> ClaimsIdentity.verifying(settings, BearerTokenVerifier.forSettings(settings, clock),
                        ports.roleCatalog()))
                .orElseGet(() -> ClaimsIdentity.refusingAll(ports.roleCatalog()));
    }

    /** The function named {@code name} in {@link Routes}. */
    public Function<?, ?> create(String name) {
        return switch (name) {
            case Routes.REQUEST -> new RequestFunction(identities(),
                    new RequestAccess(ports.store(), ports.roleCatalog(), clock),
                    new BreakGlassAccess(ports.store(), ports.roleCatalog(), clock, config.breakGlass()),
                    new WithdrawRequest(ports.store(), clock), clock);
            case Routes.LIST -> listFunction();
            case Routes.APPROVE -> new ApproveFunction(identities(),
                    new ReviewRequest(ports.store(), ports.revocations(), ports.roleCatalog(), clock),
                    new RevokeRequest(ports.store(), ports.revocations(), ports.roleCatalog(), clock), clock);
            case Routes.SIGN -> new SignFunction(identities(),
                    new IssueCertificate(ports.store(), ports.auditLog(), ports.roleCatalog(),
                            ports.certificateAuthority(), clock),
                    new GetCaPublicKey(ports.certificateAuthority()),
                    new RevokeCertificate(ports.store(), ports.revocations(),
                            ports.issuedCertificates(), ports.roleCatalog(), clock),
                    new BuildKrl(ports.revocations(), ports.certificateAuthority(), clock));
            case Routes.EXPIRE -> new ExpireFunction(new ExpireRequests(ports.store(), ports.revocations(), clock),
                    new PostReviewQueue(ports.store()), new EmbeddedMetric(System.out), clock);
            case Routes.CHECKPOINT -> new StreamEventFunction(checkpoint());
            case Routes.NOTIFY -> new StreamEventFunction(notifier());
            default -> throw new IllegalArgumentException("no function named '" + name + "'");
        };
    }

    private ListFunction listFunction() {
        ListRequests listRequests = new ListRequests(ports.store(), ports.roleCatalog(), clock);
        return new ListFunction(identities(), listRequests, new ReadRequestAudit(listRequests, ports.auditLog()),
                new ListCertificates(ports.issuedCertificates(), ports.revocations(), clock),
                new DescribeCaller(ports.roleCatalog(), clock), clock, config);
    }

    /** The checkpoint consumer (docs/AUDIT.md). */
    private StreamConsumer checkpoint() {
        return builtWhen(config.checkpoint().isPresent(), () -> new CheckpointFunction(new TakeCheckpoints(
                ports.checkpointStore(), ports.checkpointSigner(), ports.checkpointAnchor(), ports.auditLog(), clock,
                config.checkpoint().map(CheckpointSettings::interval).orElse(CheckpointSettings.DEFAULT_INTERVAL)),
                new EmbeddedMetric(System.out), clock));
    }

    /** The {@code notify} function's consumer (docs/NOTIFICATIONS.md). */
    public StreamConsumer notifier() {
        return builtWhen(config.notifications().isPresent(), () -> new NotifyFunction(new Notify(
                ports.notificationConfigs(), ports.store(),
                new Delivery(ports.notificationSender(), Delivery.POLICY, NotifyFunction::log), NotifyFunction::log,
                clock, Notify.BATCH_BUDGET)));
    }

    /**
     * A stream consumer with its ports built now when the function is configured (as Lambda's init
     * wants); in a process serving every function without its settings (tests, a local run without
     * them), only when a batch arrives — which then fails naming the missing variables.
     */
    private static StreamConsumer builtWhen(boolean configured, Supplier<StreamConsumer> build) {
        if (configured) {
            return build.get();
        }
        Memo<StreamConsumer> later = Memo.of(build);
        return changes -> later.get().consume(changes);
    }

    private ClaimsIdentity identities() {
        return identities.get();
    }
}
