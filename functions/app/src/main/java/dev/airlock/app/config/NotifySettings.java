package dev.airlock.app.config;

import dev.airlock.core.config.EnvironmentNames;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the {@code notify} function's secrets (webhook URLs, HMAC keys) are: a Secrets Manager secret
 * ({@value EnvironmentNames#NOTIFY_SECRETS_ARN}, in AWS) or, when that is unset, a local file
 * ({@value EnvironmentNames#NOTIFY_SECRETS_FILE}, mode 0600). Exactly one is set.
 *
 * @param secretArn  the secret's ARN
 * @param secretFile the local file
 */
public record NotifySettings(Optional<String> secretArn, Optional<Path> secretFile) {

    /** A Secrets Manager ARN (AWS General Reference, ARN format), no spaces. */
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:\\S+");

    public NotifySettings {
        Objects.requireNonNull(secretArn, "secretArn");
        Objects.requireNonNull(secretFile, "secretFile");
        if (secretArn.isPresent() == secretFile.isPresent()) {
            throw new IllegalArgumentException("exactly one of the secret ARN and the secret file");
        }
    }

    /**
     * The settings in {@code env}: empty when neither is set (a process that does not run {@code notify}).
     *
     * @param required whether {@code notify} is the function selected (then one must be set)
     */
    static Optional<NotifySettings> parse(Environment env, boolean required) {
        Optional<String> arn = env.get(EnvironmentNames.NOTIFY_SECRETS_ARN);
        if (arn.isPresent()) {
            if (!ARN.matcher(arn.get()).matches()) {
                throw new InvalidConfigException(EnvironmentNames.NOTIFY_SECRETS_ARN,
                        "must be a Secrets Manager secret ARN");
            }
            return Optional.of(new NotifySettings(arn, Optional.empty()));
        }
        Optional<String> file = env.get(EnvironmentNames.NOTIFY_SECRETS_FILE);
        if (file.isPresent()) {
            return Optional.of(new NotifySettings(Optional.empty(), Optional.of(Path.of(file.get()))));
        }
        if (required) {
            throw new InvalidConfigException(EnvironmentNames.NOTIFY_SECRETS_ARN, "(or "
                    + EnvironmentNames.NOTIFY_SECRETS_FILE + " locally) is required by the notify function");
        }
        return Optional.empty();
    }
}
