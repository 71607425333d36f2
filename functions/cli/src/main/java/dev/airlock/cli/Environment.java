package dev.airlock.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every environment variable the CLI reads, by name, in one place; and {@code local.env}, which
 * {@code scripts/local-up} writes as {@code NAME='value'} (a quote inside written {@code '\''}, POSIX
 * single quoting). The file is read, never sourced.
 */
public final class Environment {

    public static final String URL = "AIRLOCK_URL";
    public static final String HOME = "AIRLOCK_HOME";
    public static final String TOKEN = "AIRLOCK_TOKEN";
    public static final String TOKEN_COMMAND = "AIRLOCK_TOKEN_COMMAND";
    public static final String USER = "AIRLOCK_USER";
    public static final String GROUPS = "AIRLOCK_GROUPS";
    public static final String POLL_INTERVAL = "AIRLOCK_POLL_INTERVAL";
    public static final String PAGE_SIZE = "AIRLOCK_PAGE_SIZE";
    public static final String DEV_TOKEN_URL = "AIRLOCK_DEV_TOKEN_URL";
    public static final String REQUESTS_TABLE = "AIRLOCK_REQUESTS_TABLE";
    public static final String AUDIT_TABLE = "AIRLOCK_AUDIT_TABLE";
    /** The CA key in KMS: {@code audit verify} compares the key it serves with the newest {@code ca} record. */
    public static final String CA_KEY_ID = "AIRLOCK_CA_KEY_ID";
    /** The checkpoint bucket, audit key and interval: {@code audit verify} checks against the anchor when set. */
    public static final String CHECKPOINT_BUCKET = "AIRLOCK_CHECKPOINT_BUCKET";
    public static final String AUDIT_KEY_ID = "AIRLOCK_AUDIT_KEY_ID";
    public static final String CHECKPOINT_INTERVAL = "AIRLOCK_CHECKPOINT_INTERVAL";
    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    public static final String AWS_REGION = "AWS_REGION";
    /** Where the single sign-on sessions are cached ($XDG_CONFIG_HOME/airlock, default ~/.config/airlock). */
    public static final String XDG_CONFIG_HOME = "XDG_CONFIG_HOME";
    /** The browser to open for single sign-on (before xdg-open / open). */
    public static final String BROWSER = "BROWSER";
    /** The person's home directory (~/.ssh), as the shell sees it. */
    public static final String USER_HOME = "HOME";

    static final String LOCAL_ENV = "local.env";

    private final Map<String, String> env;
    private final Path defaultHome;

    /** @param defaultHome where local.env is when AIRLOCK_HOME is unset (the wrapper passes {@code <repo>/.airlock}) */
    public Environment(Map<String, String> env, Path defaultHome) {
        this.env = Map.copyOf(env);
        this.defaultHome = defaultHome;
    }

    /** The variable's value when set and not empty. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isEmpty());
    }

    /** Whether the variable is set at all (even to ""). */
    public boolean isSet(String name) {
        return env.containsKey(name);
    }

    public Map<String, String> asMap() {
        return env;
    }

    /** The variable, else its value in local.env. */
    public Optional<String> setting(String name) {
        return get(name).or(() -> localEnv(name)).filter(value -> !value.isEmpty());
    }

    Path localEnvFile() {
        return get(HOME).map(Path::of).orElse(defaultHome).resolve(LOCAL_ENV);
    }

    private Optional<String> localEnv(String name) {
        Path file = localEnvFile();
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        String prefix = name + "=";
        return lines.stream().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> unquote(line.substring(prefix.length())));
    }

    static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("'\\''", "'");
        }
        return value;
    }
}
