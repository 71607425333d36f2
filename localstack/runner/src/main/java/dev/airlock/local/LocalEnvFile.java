package dev.airlock.local;

import dev.airlock.core.config.EnvironmentNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code .airlock/local.env}: the local connection settings, shell-sourceable
 * ({@code . .airlock/local.env}). Only local development values, never a token or key.
 */
public final class LocalEnvFile {

    public static final String FILE_NAME = "local.env";
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private LocalEnvFile() {
    }

    /** The variables written for a running local Airlock. */
    public static Map<String, String> variables(LocalAirlock airlock, Path configDir) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(EnvironmentNames.URL, airlock.url().toString());
        vars.put(EnvironmentNames.DEV_ISSUER, airlock.gateway().issuer().issuer());
        vars.put(EnvironmentNames.DEV_TOKEN_URL, airlock.gateway().issuer().issuer() + "/token");
        vars.put(EnvironmentNames.JWT_AUDIENCE, airlock.gateway().issuer().audience());
        vars.put(EnvironmentNames.ENDPOINT_URL, airlock.awsEndpoint().toString());
        vars.put(EnvironmentNames.REGION, airlock.config().region());
        vars.put(EnvironmentNames.REQUESTS_TABLE, airlock.config().requestsTable());
        vars.put(EnvironmentNames.AUDIT_TABLE, airlock.config().auditTable());
        vars.put(EnvironmentNames.CA_KEY_ID, airlock.config().caKeyId());
        airlock.config().checkpoint().ifPresent(checkpoint -> {
            // access audit verify checks the table against these anchored checkpoints
            vars.put(EnvironmentNames.CHECKPOINT_BUCKET, checkpoint.bucket());
            vars.put(EnvironmentNames.AUDIT_KEY_ID, checkpoint.auditKeyId());
            vars.put(EnvironmentNames.CHECKPOINT_INTERVAL, checkpoint.interval().toString());
        });
        if (configDir != null) {
            vars.put(EnvironmentNames.DEMO_USERS, configDir.resolve(DemoUsers.FILE_NAME).toAbsolutePath().toString());
        }
        return vars;
    }

    /** Writes the file atomically (a reader never sees half of it). */
    public static void write(Path file, Map<String, String> variables) throws IOException {
        StringBuilder text = new StringBuilder("# Written by scripts/local-up: local development settings only.\n"
                + "# Use with: . " + file.getFileName() + "\n");
        variables.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a variable name: " + name);
            }
            text.append(name).append('=').append(quote(value)).append('\n');
        });
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".local-env", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** POSIX shell single quotes: everything literal, a quote written as {@code '\''}. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
