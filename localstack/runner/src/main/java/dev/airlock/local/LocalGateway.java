package dev.airlock.local;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.airlock.core.api.RouteMatcher;
import com.sun.net.httpserver.HttpServer;
import dev.airlock.identity.BearerTokenVerifier;
import dev.airlock.local.oidc.OidcProvider;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The local stand-in for API Gateway: a JDK {@link HttpServer} on 127.0.0.1 serving the HTTP API
 * ({@link ApiEndpoint}) with JWTs from the development issuer ({@link DevIssuerEndpoints} under
 * {@code /dev}, with its OpenID Connect provider {@link OidcProvider}). The issuer URL names the port, so the issuer is made once the port is bound.
 *
 * <pre>{@code
 * try (LocalGateway gateway = LocalGateway.start(8080, host, url -> DevTokenIssuer.inMemory(url, clock),
 *         demoUsers, clock)) {
 *     gateway.url();   // http://127.0.0.1:8080
 * }
 * }</pre>
 */
public final class LocalGateway implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final int BACKLOG = 64;
    /**
     * Request threads. More than a handful: a function fetching the development issuer's JWK set (on
     * first use) calls this same server, so a burst of first requests must not occupy every thread.
     */
    private static final int WORKER_THREADS = 32;
    /** API Gateway reports an account and API id; these placeholders say where the event came from. */
    public static final String ACCOUNT_ID = "000000000000";
    public static final String API_ID = "airlock-local";

    private final HttpServer server;
    private final ExecutorService workers;
    private final DevTokenIssuer issuer;

    private LocalGateway(HttpServer server, ExecutorService workers, DevTokenIssuer issuer) {
        this.server = server;
        this.workers = workers;
        this.issuer = issuer;
    }

    /**
     * Binds {@code 127.0.0.1:port} (0 = any free port) and starts serving.
     *
     * @param issuerForUrl makes the development issuer for the issuer URL of the bound port
     * @throws UncheckedIOException when the port cannot be bound (e.g. it is in use)
     */
    public static LocalGateway start(int port, FunctionHost functions, Function<String, DevTokenIssuer> issuerForUrl,
                                     DemoUsers demoUsers, Clock clock) {
        Objects.requireNonNull(functions, "functions");
        return startFor(port, issuer -> functions, issuerForUrl, demoUsers, clock);
    }

    /**
     * As {@link #start}, with the functions made once the issuer exists: the functions verify tokens
     * themselves, so they must know the issuer, whose URL names the bound port.
     *
     * @param functionsForIssuer makes the functions that trust {@code issuer}
     */
    public static LocalGateway startFor(int port, Function<DevTokenIssuer, FunctionHost> functionsForIssuer,
                                        Function<String, DevTokenIssuer> issuerForUrl, DemoUsers demoUsers, Clock clock) {
        Objects.requireNonNull(functionsForIssuer, "functionsForIssuer");
        Objects.requireNonNull(issuerForUrl, "issuerForUrl");
        Objects.requireNonNull(demoUsers, "demoUsers");
        Objects.requireNonNull(clock, "clock");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + LOOPBACK + ":" + port
                    + " (is another process using it? choose another with --port or AIRLOCK_PORT)", e);
        }
        DevTokenIssuer issuer = issuerForUrl.apply(DevTokenIssuer.issuerUrl(server.getAddress().getPort()));
        FunctionHost functions = Objects.requireNonNull(functionsForIssuer.apply(issuer), "functions");
        ObjectMapper json = JsonMapper.builder().build();
        // The same verifier class the functions use (the first gate, as API Gateway's JWT authorizer is).
        BearerTokenVerifier verifier = new BearerTokenVerifier(issuer.issuer(), Set.of(issuer.audience()),
                new ImmutableJWKSet<>(issuer.publicKeys()), clock);
        server.createContext(DevTokenIssuer.PATH + "/", new DevIssuerEndpoints(issuer, demoUsers, json));
        OidcProvider oidc = OidcProvider.forGateway(URI.create("http://" + LOOPBACK + ":" + server.getAddress().getPort()),
                issuer, demoUsers, json, clock);
        OidcProvider.CONTEXTS.forEach(path -> server.createContext(path, oidc));
        server.createContext("/", new ApiEndpoint(new RouteMatcher(), verifier,
                new ApiGatewayEvents(ACCOUNT_ID, API_ID), functions, json, clock));
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, threads());
        server.setExecutor(workers);
        server.start();
        return new LocalGateway(server, workers, issuer);
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI url() {
        return URI.create("http://" + LOOPBACK + ":" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The development issuer whose tokens this gateway accepts. */
    public DevTokenIssuer issuer() {
        return issuer;
    }

    /** Stops accepting requests, lets those in flight finish (briefly), then stops the workers. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "airlock-gateway-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
