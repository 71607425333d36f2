package dev.airlock.aws.admin;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.aws.dynamodb.TableNames;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The admin tool's command line. Flags win over the environment; the environment over defaults:
 * endpoint {@code --endpoint} / {@code AWS_ENDPOINT_URL_DYNAMODB} / {@code AWS_ENDPOINT_URL} / the
 * SDK's regional endpoint; region {@code --region} / {@code AWS_REGION} / {@code AWS_DEFAULT_REGION} /
 * {@value #DEFAULT_REGION}; tables {@code --requests-table} / {@code AIRLOCK_REQUESTS_TABLE} / the
 * logical name, and {@code --audit-table} / {@code AIRLOCK_AUDIT_TABLE} / the logical name.
 *
 * @param command    {@code verify}, {@code apply-roles}, {@code apply-notifications}, {@code create-tables} or
 *                   {@code roles check}
 * @param endpoint   the DynamoDB endpoint, when not the regional AWS one
 * @param region     the region
 * @param tables     the table names
 * @param file       the role file ({@code apply-roles}, {@code roles check}) or routing file
 *                   ({@code apply-notifications})
 * @param actor      who applies it ({@code apply-roles}, {@code apply-notifications}, {@code ca register};
 *                   default: the OS user)
 * @param caKeyId    the CA key in KMS ({@code --ca-key} / {@code AIRLOCK_CA_KEY_ID}): {@code verify} compares
 *                   its public key with the newest {@code ca.key_registered} record; {@code ca register} records it
 * @param caUrl      the deployment's API ({@code --ca-url}): without {@code caKeyId}, {@code verify} reads the
 *                   CA public key from its public {@code GET /ca} instead (no KMS permission needed)
 */
record AdminOptions(String command, Optional<URI> endpoint, Region region, TableNames tables, Optional<Path> file,
                    String actor, Optional<AnchorOptions> anchor, Optional<String> caKeyId, Optional<URI> caUrl) {

    /**
     * Where the checkpoints are ({@code verify} against the anchor): {@code --checkpoint-bucket} /
     * {@code AIRLOCK_CHECKPOINT_BUCKET} and {@code --audit-key} / {@code AIRLOCK_AUDIT_KEY_ID}, both or
     * neither; {@code --checkpoint-interval} / {@code AIRLOCK_CHECKPOINT_INTERVAL} (ISO-8601, default
     * PT5M); {@code --since N} verifies checkpoints from N on (N - 1 gives the link).
     */
    record AnchorOptions(String bucket, String auditKeyId, Duration interval, long since) {
    }

    static final String DEFAULT_REGION = "us-east-1";
    static final String ROLES_CHECK = "roles check";
    static final String CA_REGISTER = "ca register";
    static final String APPLY_NOTIFICATIONS = "apply-notifications";
    static final Set<String> COMMANDS = Set.of("verify", "apply-roles", APPLY_NOTIFICATIONS, "create-tables", "roles",
            "ca");
    private static final Set<String> FLAGS = Set.of("--endpoint", "--region", "--requests-table", "--audit-table", "--actor",
            "--checkpoint-bucket", "--audit-key", "--checkpoint-interval", "--since", "--ca-key", "--ca-url");

    static AdminOptions parse(String[] args, Map<String, String> env) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("missing command");
        }
        String command = args[0];
        if (!COMMANDS.contains(command)) {
            throw new UsageException("unknown command '" + command + "'");
        }
        int first = 1;
        if (command.equals("roles")) {
            if (args.length < 2 || !args[1].equals("check")) {
                throw new UsageException("roles takes the subcommand check FILE");
            }
            command = ROLES_CHECK;
            first = 2;
        }
        if (command.equals("ca")) {
            if (args.length < 2 || !args[1].equals("register")) {
                throw new UsageException("ca takes the subcommand register");
            }
            command = CA_REGISTER;
            first = 2;
        }
        Map<String, String> flags = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = first; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (!FLAGS.contains(args[i]) || i + 1 >= args.length) {
                    throw new UsageException(FLAGS.contains(args[i]) ? args[i] + " needs a value" : "unknown option " + args[i]);
                }
                flags.put(args[i], args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        return build(command, flags, positional, env);
    }

    private static AdminOptions build(String command, Map<String, String> flags, List<String> positional,
                                      Map<String, String> env) throws UsageException {
        int expectedPositional = command.equals("apply-roles") || command.equals(APPLY_NOTIFICATIONS)
                || command.equals(ROLES_CHECK) ? 1 : 0;
        if (positional.size() != expectedPositional) {
            throw new UsageException(command + (expectedPositional == 1 ? " takes one FILE" : " takes no arguments"));
        }
        Optional<String> endpoint = first(flags.get("--endpoint"), env.get(EnvironmentNames.ENDPOINT_URL_DYNAMODB),
                env.get(EnvironmentNames.ENDPOINT_URL));
        String region = first(flags.get("--region"), env.get(EnvironmentNames.REGION), env.get(EnvironmentNames.DEFAULT_REGION))
                .orElse(DEFAULT_REGION);
        TableNames defaults = TableNames.defaults();
        TableNames tables;
        try {
            tables = new TableNames(
                    first(flags.get("--requests-table"), env.get(EnvironmentNames.REQUESTS_TABLE)).orElse(defaults.requests()),
                    first(flags.get("--audit-table"), env.get(EnvironmentNames.AUDIT_TABLE)).orElse(defaults.audit()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String actor = first(flags.get("--actor"), System.getProperty("user.name")).orElse("admin");
        Optional<String> caKeyId = first(flags.get("--ca-key"), env.get(EnvironmentNames.CA_KEY_ID));
        if (command.equals(CA_REGISTER) && caKeyId.isEmpty()) {
            throw new UsageException("ca register needs --ca-key (or AIRLOCK_CA_KEY_ID)");
        }
        Optional<String> caUrl = first(flags.get("--ca-url"));
        return new AdminOptions(command, endpoint.isPresent() ? Optional.of(uri(endpoint.get())) : Optional.empty(),
                Region.of(region), tables, positional.stream().findFirst().map(Path::of), actor, anchor(flags, env),
                caKeyId, caUrl.isPresent() ? Optional.of(uri(caUrl.get())) : Optional.empty());
    }

    private static Optional<AnchorOptions> anchor(Map<String, String> flags, Map<String, String> env)
            throws UsageException {
        Optional<String> bucket = first(flags.get("--checkpoint-bucket"), env.get(EnvironmentNames.CHECKPOINT_BUCKET));
        Optional<String> key = first(flags.get("--audit-key"), env.get(EnvironmentNames.AUDIT_KEY_ID));
        if (bucket.isEmpty() && key.isEmpty()) {
            if (flags.containsKey("--since")) {
                throw new UsageException("--since needs --checkpoint-bucket and --audit-key");
            }
            return Optional.empty();
        }
        if (bucket.isEmpty() || key.isEmpty()) {
            throw new UsageException("--checkpoint-bucket and --audit-key go together");
        }
        try {
            Duration interval = Duration.parse(first(flags.get("--checkpoint-interval"),
                    env.get(EnvironmentNames.CHECKPOINT_INTERVAL)).orElse("PT5M"));
            long since = Long.parseLong(first(flags.get("--since")).orElse("1"));
            if (interval.isNegative() || interval.isZero() || since < 1) {
                throw new UsageException("the checkpoint interval must be positive and --since at least 1");
            }
            return Optional.of(new AnchorOptions(bucket.get(), key.get(), interval, since));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UsageException("bad --checkpoint-interval (ISO-8601, e.g. PT5M) or --since (a number)");
        }
    }

    private static URI uri(String text) throws UsageException {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new UsageException("endpoint must be an http(s) URL: " + text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("endpoint is not a URL: " + text);
        }
    }

    private static Optional<String> first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return Optional.of(candidate.strip());
            }
        }
        return Optional.empty();
    }
}
