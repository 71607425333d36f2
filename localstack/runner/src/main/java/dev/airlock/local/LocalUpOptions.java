package dev.airlock.local;

import dev.airlock.core.config.EnvironmentNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The command line and environment of {@link LocalUp}:
 * <pre>
 * local-up [--port N] [--aws-endpoint URL] [--home DIR] [--config-dir DIR] [--checkpoint-interval D]
 *          [--webhook URL [--webhook-secret-file F]] [--slack-webhook URL] [--help]
 * </pre>
 * Environment: {@value #PORT_VAR} (default {@value #DEFAULT_PORT}), {@value #HOME_VAR} (default
 * {@code .airlock}), {@value #CA_KEY_SPEC_VAR} (default {@code ECC_NIST_P256}); command-line options
 * win over variables.
 *
 * @param help        {@code --help} was given
 * @param port        the gateway port
 * @param awsEndpoint an AWS emulator to use instead of the embedded endpoints
 * @param home        where data, the issuer key and {@code local.env} live
 * @param configDir   where {@code roles.yaml} and {@code demo-users.yaml} are read from; empty = the
 *                    copies inside the jar
 * @param caKeySpec   the CA key spec for a new key
 * @param caKeySpecExplicit whether {@value #CA_KEY_SPEC_VAR} was set (an existing key must then match it)
 * @param checkpointInterval {@code --checkpoint-interval}: how often the audit table is checkpointed (ISO-8601;
 *                    default {@code AIRLOCK_CHECKPOINT_INTERVAL}, else PT5S)
 * @param notifications where the {@code notify} function sends events ({@link LocalNotifications})
 */
public record LocalUpOptions(boolean help, int port, Optional<URI> awsEndpoint, Path home, Optional<Path> configDir,
                             String caKeySpec, boolean caKeySpecExplicit, Optional<java.time.Duration> checkpointInterval,
                             Notifications notifications) {

    /**
     * The notification flags: a signed webhook (its HMAC key read from {@code webhookSecretFile}, or
     * generated) and a Slack incoming webhook; none given = no notifications configured by local-up.
     */
    public record Notifications(Optional<URI> webhook, Optional<Path> webhookSecretFile, Optional<URI> slackWebhook) {
        public static final Notifications NONE = new Notifications(Optional.empty(), Optional.empty(), Optional.empty());

        public Notifications {
            Objects.requireNonNull(webhook, "webhook");
            Objects.requireNonNull(webhookSecretFile, "webhookSecretFile");
            Objects.requireNonNull(slackWebhook, "slackWebhook");
        }

        public boolean any() {
            return webhook.isPresent() || slackWebhook.isPresent();
        }
    }

    public static final String PORT_VAR = EnvironmentNames.PORT;
    public static final String HOME_VAR = EnvironmentNames.HOME;
    public static final String CA_KEY_SPEC_VAR = EnvironmentNames.CA_KEY_SPEC;
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOME = ".airlock";

    public static final String USAGE = """
            Usage: local-up [--port N] [--aws-endpoint URL] [--home DIR] [--config-dir DIR]
                            [--checkpoint-interval DURATION]
                            [--webhook URL [--webhook-secret-file F]] [--slack-webhook URL] [--help]

            Runs Airlock on this machine: embedded DynamoDB and KMS endpoints (or --aws-endpoint, an
            already running LocalStack/Floci), the tables, the CA key and the demo roles, and the HTTP API
            behind a local gateway that accepts tokens from a development issuer at /dev.

              --port N            gateway port on 127.0.0.1 (default $AIRLOCK_PORT or 8080)
              --aws-endpoint URL  use this AWS endpoint instead of the embedded one
              --home DIR          state directory (default $AIRLOCK_HOME or .airlock)
              --config-dir DIR    directory with roles.yaml and demo-users.yaml (default: built-in copies)
              --checkpoint-interval DURATION
                                  how often the audit table is checkpointed, ISO-8601 such as PT5S or PT1M
                                  (default $AIRLOCK_CHECKPOINT_INTERVAL or PT5S)
              --webhook URL       send every notification event to URL, signed (docs/NOTIFICATIONS.md)
              --webhook-secret-file F  the webhook's HMAC key (default: generated into $AIRLOCK_HOME/webhook-secret)
              --slack-webhook URL send every notification event to a Slack incoming webhook
              --help              this help

            Environment: AIRLOCK_CA_KEY_SPEC = ECC_NIST_P256 (default) | RSA_3072 | RSA_4096 |
            ECC_NIST_EDWARDS25519, used when the CA key is first created.""";

    public LocalUpOptions {
        Objects.requireNonNull(awsEndpoint, "awsEndpoint");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(caKeySpec, "caKeySpec");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(notifications, "notifications");
    }

    /** Thrown for a bad command line or environment; the message says what to fix. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message, null, false, false);
        }
    }

    public static LocalUpOptions parse(String[] args, Map<String, String> env) throws UsageException {
        boolean help = false;
        Optional<String> port = Optional.ofNullable(env.get(PORT_VAR)).filter(v -> !v.isBlank());
        String portSource = PORT_VAR;
        Optional<URI> endpoint = Optional.empty();
        Path home = Path.of(Optional.ofNullable(env.get(HOME_VAR)).filter(v -> !v.isBlank()).orElse(DEFAULT_HOME));
        Optional<Path> configDir = Optional.empty();
        Optional<java.time.Duration> checkpointInterval = Optional.empty();
        Optional<URI> webhook = Optional.empty();
        Optional<Path> webhookSecretFile = Optional.empty();
        Optional<URI> slack = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> help = true;
                case "--port" -> {
                    port = Optional.of(value(args, i++));
                    portSource = "--port";
                }
                case "--aws-endpoint" -> endpoint = Optional.of(endpoint(value(args, i++)));
                case "--home" -> home = Path.of(value(args, i++));
                case "--config-dir" -> configDir = Optional.of(Path.of(value(args, i++)));
                case "--checkpoint-interval" -> checkpointInterval = Optional.of(interval(value(args, i++)));
                case "--webhook" -> webhook = Optional.of(url(arg, value(args, i++)));
                case "--webhook-secret-file" -> webhookSecretFile = Optional.of(Path.of(value(args, i++)));
                case "--slack-webhook" -> slack = Optional.of(url(arg, value(args, i++)));
                default -> throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        Optional<String> spec = Optional.ofNullable(env.get(CA_KEY_SPEC_VAR)).map(String::trim).filter(v -> !v.isEmpty());
        if (spec.isPresent() && !CaKeyBootstrap.SUPPORTED_SPECS.contains(spec.get())) {
            throw new UsageException(CA_KEY_SPEC_VAR + " must be one of " + String.join(", ", CaKeyBootstrap.SUPPORTED_SPECS)
                    + ", was '" + spec.get() + "'");
        }
        if (webhookSecretFile.isPresent() && webhook.isEmpty()) {
            throw new UsageException("--webhook-secret-file needs --webhook");
        }
        return new LocalUpOptions(help, port(port, portSource), endpoint, home, configDir,
                spec.orElse(CaKeyBootstrap.DEFAULT_SPEC), spec.isPresent(), checkpointInterval,
                new Notifications(webhook, webhookSecretFile, slack));
    }

    private static String value(String[] args, int i) throws UsageException {
        if (i + 1 >= args.length || args[i + 1].isBlank()) {
            throw new UsageException(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    private static int port(Optional<String> text, String source) throws UsageException {
        if (text.isEmpty()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text.get().trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(source + " must be a port number 0-65535, was '" + text.get() + "'");
    }

    private static java.time.Duration interval(String text) throws UsageException {
        try {
            java.time.Duration interval = java.time.Duration.parse(text);
            if (!interval.isNegative() && !interval.isZero()) {
                return interval;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // reported below
        }
        throw new UsageException("--checkpoint-interval must be a positive ISO-8601 duration such as PT5S, was '"
                + text + "'");
    }

    private static URI url(String flag, String text) throws UsageException {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException(flag + " must be an http(s) URL");
    }

    private static URI endpoint(String text) throws UsageException {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException("--aws-endpoint must be an http(s) URL such as http://localhost:4566, was '" + text + "'");
    }
}
