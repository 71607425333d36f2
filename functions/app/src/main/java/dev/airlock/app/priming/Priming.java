package dev.airlock.app.priming;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.http.ClaimsIdentity;
import dev.airlock.app.http.HttpFunction;
import dev.airlock.app.wiring.Ports;
import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.FunctionSpec;
import dev.airlock.core.api.Route;
import dev.airlock.core.api.Trigger;
import dev.airlock.domain.role.Identity;
import dev.airlock.ssh.SshPublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.messaging.Message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Function;

/**
 * Warms a function before a SnapStart/CRaC checkpoint: runs the function's read paths once, so the
 * snapshot holds loaded and initialized classes, built AWS clients that have made a call (endpoint
 * rules, signer, marshallers), a parsed role configuration and warm Jackson mappers.
 *
 * <p><b>Verification stays whole.</b> Each route is primed twice: once through the same conversion
 * {@code FunctionInvoker} performs (event JSON → message → bean → Lambda response JSON) with no token,
 * which the function refuses with 401 (warming the conversion and the refusal); and once below the
 * verifier ({@link HttpFunction#primeAs}, an in-process call no event can reach) as {@value #USER}, who
 * holds no roles, to warm the use case and its store. No token is verified before the checkpoint, so
 * no JWK set is fetched into the snapshot and no clock reading is kept in it.
 *
 * <p><b>Nothing is written.</b> Every call is one the function answers without a state change: a
 * lookup of an id that exists nowhere ({@code DELETE /requests/{id}}, {@code GET /requests/{id}},
 * {@code POST /requests/{id}/reviews}, {@code POST /certificates} with such a {@code requestId} — all
 * 404 before any write or signature), listings, {@code GET /ca} (KMS GetPublicKey), and for
 * {@code expire} only the overdue query of the store, never the sweep. The caller,
 * {@value #USER}, has no groups and therefore no roles. No KMS Sign is ever made.
 *
 * <p>Best effort: a failed call is logged and skipped — a checkpoint without warm paths is only slower.
 */
public final class Priming {

    /** The caller priming events name; it holds no roles. */
    public static final String USER = "airlock-priming";

    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    private final GenericApplicationContext context;

    public Priming(GenericApplicationContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Primes every function registered in the context.
     *
     * @return one line per call made, e.g. {@code "list GET /requests/{id} (no token) -> 401"} and
     *         {@code "list GET /requests/{id} -> 404"}
     */
    public List<String> run() {
        AirlockConfig config = context.getBean(AirlockConfig.class);
        PrimingEvents events = new PrimingEvents();
        List<String> done = new ArrayList<>();
        for (String function : config.functions()) {
            FunctionSpec spec = Catalogue.of(function);
            switch (spec.kind()) {
                case HTTP -> calls(spec).forEach(call -> done.addAll(invoke(function, call, events)));
                case SCHEDULE -> done.add(primeScheduled(function));
                case TABLE_STREAM -> done.add(function + " table stream -> not primed");
            }
        }
        return done;
    }

    /** One HTTP call of a route: its key, whether it takes an {@code {id}} (an unknown one) and a body. */
    record Call(String routeKey, boolean withId, Map<String, ?> body) {
    }

    /**
     * The calls that prime an HTTP function: one per route that can answer before any write (an
     * unknown id is a 404 before the write; creating a request cannot, so it is not primed).
     */
    static List<Call> calls(FunctionSpec spec) {
        List<Route> routes = ((Trigger.HttpRoutes) spec.trigger()).routes();
        return routes.stream().map(Priming::call).flatMap(Optional::stream).toList();
    }

    private static Optional<Call> call(Route route) {
        String key = route.routeKey();
        boolean withId = route.pathTemplate().contains("{id}");
        return switch (key) {
            case "POST /requests" -> Optional.empty();
            case "POST /requests/{id}/reviews" -> Optional.of(new Call(key, true,
                    Map.of("verdict", "APPROVE", "reason", "priming")));
            case "POST /certificates" -> Optional.of(new Call(key, false,
                    Map.of("publicKey", throwawayPublicKey(), "requestId", PrimingEvents.unknownId())));
            default -> route.method().equals("GET") || route.method().equals("DELETE")
                    ? Optional.of(new Call(key, withId, null)) : Optional.empty();
        };
    }

    private List<String> invoke(String function, Call call, PrimingEvents events) {
        byte[] event = events.http(call.routeKey(), call.withId() ? PrimingEvents.unknownId() : null, call.body());
        return List.of(throughLambda(function + " " + call.routeKey() + " (no token)", function, event),
                belowVerifier(function + " " + call.routeKey(), function, event));
    }

    /** Through the catalog as Lambda invokes it; without a token the answer is a 401. */
    private String throughLambda(String label, String function, byte[] event) {
        try {
            FunctionCatalog catalog = context.getBean(FunctionCatalog.class);
            FunctionInvocationWrapper wrapper = catalog.lookup(function, "application/json");
            JsonMapper mapper = context.getBean(JsonMapper.class);
            // The stream overload, as FunctionInvoker.handleRequest calls it: the HTTP functions take the raw event.
            Message<?> request = AWSLambdaUtils.generateMessage(new ByteArrayInputStream(event), wrapper.getInputType(),
                    wrapper.isSupplier(), mapper, null);
            Object response = wrapper.apply(request);
            byte[] json = AWSLambdaUtils.generateOutputFromObject(request, response, mapper, wrapper.getOutputType());
            return label + " -> " + statusOf(mapper, json);
        } catch (RuntimeException | IOException e) {
            return failed(label, e);
        }
    }

    /** The use case's read path for {@value #USER}, who has no roles; the token is not read. */
    private String belowVerifier(String label, String function, byte[] event) {
        try {
            if (!(context.getBean(function, Function.class) instanceof HttpFunction http)) {
                throw new IllegalStateException("not an HTTP function");
            }
            JsonMapper mapper = context.getBean(JsonMapper.class);
            Identity caller = http.identities().identityOf(USER, Map.of(ClaimsIdentity.GROUPS, List.of()));
            APIGatewayV2HTTPResponse response = http.primeAs(mapper.fromJson(event, APIGatewayV2HTTPEvent.class), caller);
            mapper.toJson(response);
            return label + " -> " + response.getStatusCode();
        } catch (RuntimeException e) {
            return failed(label, e);
        }
    }

    private static String failed(String label, Exception e) {
        LOG.warn("priming {} failed ({}); the snapshot is taken without it", label, e.getClass().getName());
        return label + " -> failed";
    }

    /**
     * A scheduled run writes (the sweep expires requests), so only its read — the overdue query of the
     * expiry index — is primed.
     */
    private String primeScheduled(String function) {
        try {
            int found = context.getBean(Ports.class).store().findOverdue(Instant.EPOCH, 1).size();
            return function + " findOverdue -> " + found;
        } catch (RuntimeException e) {
            LOG.warn("priming {} failed ({}); the snapshot is taken without it", function, e.getClass().getName());
            return function + " findOverdue -> failed";
        }
    }

    private static Object statusOf(JsonMapper mapper, byte[] json) {
        Map<?, ?> response = mapper.fromJson(json, Map.class);
        return response.get("statusCode");
    }

    /** A key nobody holds, only to be parsed: no certificate is issued for it (the request id is unknown). */
    private static String throwawayPublicKey() {
        try {
            byte[] spki = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
            return SshPublicKey.fromSubjectPublicKeyInfo(spki).toAuthorizedKeysLine();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no Ed25519 in this JVM", e);
        }
    }
}
