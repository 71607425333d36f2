package dev.airlock.endpoints;

import com.sun.net.httpserver.HttpServer;
import dev.airlock.endpoints.dynamodb.DynamoDbService;
import dev.airlock.endpoints.kms.KmsService;
import dev.airlock.endpoints.s3.S3Persistence;
import dev.airlock.endpoints.s3.S3Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DynamoDB- (with Streams), KMS- and S3-compatible endpoints in this JVM, spoken over the AWS JSON protocol on a
 * loopback port, so that code under test goes through the real AWS SDK v2 wire path:
 *
 * <pre>{@code
 * try (EmbeddedAwsServer server = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults())) {
 *     DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint())...build();
 * }
 * }</pre>
 *
 * <p>Requests are routed by the prefix of their {@code X-Amz-Target} header
 * ({@code DynamoDB_20120810.*}, {@code DynamoDBStreams_20120810.*}, {@code TrentService.*}); a request
 * without that header and with a bucket in its path is S3's REST protocol (path-style). What each service covers, and what it does
 * not, is in {@code docs/ENDPOINTS.md}.
 */
public final class EmbeddedAwsServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedAwsServer.class.getName());
    private static final String LOOPBACK = "127.0.0.1";
    private static final int BACKLOG = 256;
    private static final int WORKER_THREADS = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());

    static {
        // The JDK server writes response headers and body separately; with Nagle's algorithm on, the
        // client's delayed ACK then stalls every response by ~40 ms. The property is read once, when
        // the JDK's server implementation is first loaded, so set it before any server exists.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final ExecutorService workers;
    private final List<AwsJsonService> services;
    private final FaultInjector faults;
    private final URI endpoint;

    private EmbeddedAwsServer(HttpServer http, ExecutorService workers, List<AwsJsonService> services,
                              FaultInjector faults) {
        this.http = http;
        this.workers = workers;
        this.services = services;
        this.faults = faults;
        this.endpoint = URI.create("http://" + LOOPBACK + ":" + http.getAddress().getPort());
    }

    /** Starts the endpoints; each service keeps its files under its own subdirectory of the data directory. */
    public static EmbeddedAwsServer start(Options options) {
        Objects.requireNonNull(options, "options");
        List<AwsJsonService> services = new ArrayList<>();
        try {
            DynamoDbService dynamoDb = new DynamoDbService(serviceDirectory(options, "dynamodb"), options.clock());
            services.add(dynamoDb);
            services.add(dynamoDb.streams());
            services.add(new KmsService(serviceDirectory(options, "kms"), KmsService.DEFAULT_REGION, options.clock()));
            FaultInjector faults = new FaultInjector();
            HttpServer http = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByName(LOOPBACK), options.port()), BACKLOG);
            ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, workerThreads());
            http.setExecutor(workers);
            S3Service s3 = new S3Service(options.clock(), options.dataDirectory().isEmpty() ? S3Persistence.inMemory()
                    : S3Persistence.in(serviceDirectory(options, "s3").orElseThrow()));
            http.createContext("/", new AwsRequestHandler(services, new S3Endpoint(s3), faults));
            http.start();
            EmbeddedAwsServer server = new EmbeddedAwsServer(http, workers, List.copyOf(services), faults);
            LOG.log(System.Logger.Level.DEBUG, "Embedded AWS endpoints listening at {0}", server.endpoint);
            return server;
        } catch (IOException e) {
            closeAll(services);
            throw new UncheckedIOException("cannot start the embedded AWS endpoints on port " + options.port(), e);
        } catch (RuntimeException e) {
            closeAll(services);
            throw e;
        }
    }

    /** {@code http://127.0.0.1:PORT}, for {@code endpointOverride} or {@code AWS_ENDPOINT_URL}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The port the server listens on (the ephemeral one chosen when {@link Options#port()} is 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** Faults to inject into subsequent requests. */
    public FaultInjector faults() {
        return faults;
    }

    /** Stops listening, waits briefly for requests in flight, then flushes and closes the services. */
    @Override
    public void close() {
        http.stop(0);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        closeAll(services);
    }

    private static Optional<Path> serviceDirectory(Options options, String name) throws IOException {
        if (options.dataDirectory().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Files.createDirectories(options.dataDirectory().get().resolve(name)));
    }

    private static void closeAll(List<AwsJsonService> services) {
        for (AwsJsonService service : services) {
            if (service instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "closing " + service.targetPrefix() + " failed", e);
                }
            }
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "airlock-aws-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * How to start the server: a port (0 = ephemeral) on 127.0.0.1, an optional data directory
     * (absent = in memory only; present = tables, stream records, keys and objects survive a
     * restart), and the clock that times stream records, shard-iterator expiry and S3 retention
     * (the system clock unless a test injects one).
     */
    public record Options(int port, Optional<Path> dataDirectory, Clock clock) {

        public Options {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            Objects.requireNonNull(clock, "clock");
        }

        public Options(int port, Optional<Path> dataDirectory) {
            this(port, dataDirectory, Clock.systemUTC());
        }

        /** An ephemeral port on 127.0.0.1, in memory. */
        public static Options defaults() {
            return new Options(0, Optional.empty());
        }

        public Options withPort(int newPort) {
            return new Options(newPort, dataDirectory, clock);
        }

        public Options withDataDirectory(Path directory) {
            return new Options(port, Optional.of(directory), clock);
        }

        /** The clock of every service: stream records and iterators, S3 retention, KMS deletion dates. */
        public Options withClock(Clock newClock) {
            return new Options(port, dataDirectory, newClock);
        }
    }
}
