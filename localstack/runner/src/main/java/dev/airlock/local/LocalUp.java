package dev.airlock.local;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.app.config.AirlockConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code scripts/local-up}'s program: Airlock on this machine until Ctrl-C or SIGTERM.
 * <ol>
 *   <li>state under {@code AIRLOCK_HOME} (default {@code .airlock}): {@code data/} (the embedded
 *       endpoints' tables and keys), {@code dev-issuer-key.json}, {@code local.env}; a lock file keeps
 *       a second instance off the same state;</li>
 *   <li>{@link LocalAirlock}: endpoints, tables, CA key, demo roles, function beans, gateway;</li>
 *   <li>each scheduled function at its catalogue rate, each table-stream function on its stream
 *       ({@link LocalTriggers}): {@code checkpoint} anchors the audit table every few seconds;</li>
 *   <li>{@code .airlock/local.env} written, then exactly one line
 *       {@code Airlock is ready at http://127.0.0.1:PORT} printed.</li>
 * </ol>
 * Exit codes: 2 bad usage, 1 failed to start; stopped by a signal, the JVM's usual status (143 for
 * SIGTERM, 130 for Ctrl-C) after an orderly shutdown that flushes the data.
 */
public final class LocalUp {

    public static final String READY_PREFIX = "Airlock is ready at ";
    /** The review console's line, printed right after the API's. */
    public static final String CONSOLE_PREFIX = "Review console: ";
    public static final String STOPPED_LINE = "Airlock stopped.";
    static final int USAGE = 2;
    static final int FAILED = 1;
    /** The demo roles and users inside the jar (copied from localstack/config at build time). */
    static final String BUILT_IN_CONFIG = "/airlock-local-config/";
    static final String ROLES_FILE = "roles.yaml";
    /** Variables handed on to the functions' configuration when set. */
    private static final List<String> PASSED_ON = List.of(EnvironmentNames.REGION, EnvironmentNames.REQUESTS_TABLE,
            EnvironmentNames.AUDIT_TABLE, EnvironmentNames.CA_KEY_ID, EnvironmentNames.CHECKPOINT_INTERVAL);

    private LocalUp() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs until the JVM is asked to stop; returns early only with a usage or start-up failure code. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        LocalUpOptions options;
        try {
            options = LocalUpOptions.parse(args, env);
        } catch (LocalUpOptions.UsageException e) {
            err.println("local-up: error: " + e.getMessage());
            err.println("Try --help.");
            return USAGE;
        }
        if (options.help()) {
            out.println(LocalUpOptions.USAGE);
            return 0;
        }
        Path home = options.home().toAbsolutePath().normalize();
        FileChannel lockChannel;
        FileLock lock;
        try {
            Files.createDirectories(home);
            lockChannel = FileChannel.open(home.resolve("local-up.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock = tryLock(lockChannel);
            if (lock == null) {
                err.println("local-up: error: another local-up is already using " + home);
                lockChannel.close();
                return FAILED;
            }
        } catch (IOException e) {
            err.println("local-up: error: cannot use " + home + ": " + e.getMessage());
            return FAILED;
        }
        Running running;
        try {
            running = start(options, env, home);
        } catch (RuntimeException e) {
            err.println("local-up: error: " + describe(e));
            release(lock, lockChannel);
            return FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (stopping.compareAndSet(false, true)) {
                running.close();
                release(lock, lockChannel);
                out.println(STOPPED_LINE);
                out.flush();
                stopped.countDown();
            }
        }, "airlock-shutdown"));
        out.println(READY_PREFIX + running.airlock().url());
        out.println(CONSOLE_PREFIX + running.airlock().url() + "/ (sign in as alice to review bob's requests)");
        out.println(anchoringLine(running.airlock()));
        running.notifications().ifPresent(n -> out.println("Notifications: every event to the local targets"
                + n.webhookKeyFile().map(f -> "; the webhook's HMAC key is in " + f).orElse("")
                + " (docs/NOTIFICATIONS.md)"));
        out.println("Settings for other shells: " + home.resolve(LocalEnvFile.FILE_NAME)
                + "; demo users: bob (contractors), alice (dba-reviewers); Ctrl-C stops.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The line saying that checkpoints are taken, how often, signed with what and kept where. */
    static String anchoringLine(LocalAirlock airlock) {
        var checkpoint = airlock.config().checkpoint().orElseThrow();
        return "Audit anchoring is on: a checkpoint every " + checkpoint.interval() + ", signed with "
                + checkpoint.auditKeyId() + ", locked in s3://" + checkpoint.bucket() + "/checkpoints/ (Object Lock "
                + "COMPLIANCE, " + retention(checkpoint.retention()) + "); `access audit verify` checks against it.";
    }

    private static String retention(java.time.Duration retention) {
        return retention.toDays() > 0 && retention.equals(java.time.Duration.ofDays(retention.toDays()))
                ? retention.toDays() + " day(s)" : retention.toString();
    }

    /** A started local Airlock and its schedule. */
    private record Running(LocalAirlock airlock, LocalTriggers schedule,
                           Optional<LocalNotifications.Prepared> notifications) {
        void close() {
            schedule.close();
            airlock.close();
        }
    }

    private static Running start(LocalUpOptions options, Map<String, String> env, Path home) {
        String roles = read(options.configDir(), ROLES_FILE);
        DemoUsers users = DemoUsers.parse(read(options.configDir(), DemoUsers.FILE_NAME));
        Map<String, String> passedOn = new LinkedHashMap<>();
        PASSED_ON.forEach(name -> Optional.ofNullable(env.get(name)).ifPresent(value -> passedOn.put(name, value)));
        options.checkpointInterval().ifPresent(interval -> passedOn.put(EnvironmentNames.CHECKPOINT_INTERVAL,
                interval.toString()));
        Optional<LocalNotifications.Prepared> notifications = LocalNotifications.prepare(options.notifications(), home);
        notifications.map(LocalNotifications.Prepared::secretsFile).or(() -> LocalNotifications.earlierSecretsFile(home))
                .ifPresent(file -> passedOn.put(EnvironmentNames.NOTIFY_SECRETS_FILE, file.toString()));
        LocalAirlock.Settings settings = new LocalAirlock.Settings(options.port(), options.awsEndpoint(),
                Optional.of(home.resolve("data")), Optional.of(home.resolve("dev-issuer-key.json")),
                options.caKeySpec(), options.caKeySpecExplicit() ? Optional.of(options.caKeySpec()) : Optional.empty(),
                roles, users, passedOn, Clock.systemUTC());
        LocalAirlock airlock = LocalAirlock.start(settings);
        LocalTriggers schedule = null;
        try {
            notifications.ifPresent(n -> LocalNotifications.apply(airlock.config(), n.routingYaml(), Clock.systemUTC()));
            schedule = LocalTriggers.start(airlock.functions(), Clock.systemUTC(), airlock.config().region(),
                    airlock.streams());
            LocalEnvFile.write(home.resolve(LocalEnvFile.FILE_NAME),
                    LocalEnvFile.variables(airlock, options.configDir().orElse(null)));
            return new Running(airlock, schedule, notifications);
        } catch (IOException | RuntimeException e) {
            if (schedule != null) {
                schedule.close();
            }
            airlock.close();
            throw e instanceof IOException io ? new UncheckedIOException("cannot write local.env", io)
                    : (RuntimeException) e;
        }
    }

    private static String read(Optional<Path> configDir, String fileName) {
        try {
            if (configDir.isPresent()) {
                return Files.readString(configDir.get().resolve(fileName), StandardCharsets.UTF_8);
            }
            try (InputStream in = LocalUp.class.getResourceAsStream(BUILT_IN_CONFIG + fileName)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in " + fileName + " is missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    /** The failure and its causes' messages, one line; AWS and config errors say what to fix. */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message == null || text.toString().contains(message)) {
                text.append(" (").append(cause.getClass().getSimpleName()).append(')');
            } else {
                text.append(": ").append(message);
            }
        }
        return text.toString();
    }

    /** The lock, or null when another process (or this one) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            return null;
        }
    }

    private static void release(FileLock lock, FileChannel channel) {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The lock dies with the process anyway.
        }
    }
}
