package dev.airlock.cli.auth;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Environment;
import dev.airlock.cli.Exit;
import dev.airlock.cli.http.Transport;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which credential the CLI uses, first found wins: {@code --user} (development issuer),
 * {@code AIRLOCK_TOKEN}, {@code AIRLOCK_TOKEN_COMMAND}, {@code AIRLOCK_USER} (development issuer,
 * with {@code AIRLOCK_GROUPS}); and the token it currently holds.
 */
public final class Credentials {

    /** A bearer token is token68 (RFC 6750 section 2.1); anything else would break the header. */
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

    private final Optional<TokenSource> source;
    private String current;

    private Credentials(Optional<TokenSource> source) {
        this.source = source;
    }

    /**
     * @param user   {@code --user}, when given
     * @param groups {@code --groups}, when given
     */
    public static Credentials select(Optional<String> user, Optional<String> groups, Environment env,
            Transport transport, URI apiUrl) {
        URI issuer = env.get(Environment.DEV_TOKEN_URL).map(URI::create).orElse(URI.create(apiUrl + "/dev/token"));
        if (user.isPresent()) {
            return new Credentials(Optional.of(new DevIssuerToken(transport, apiUrl, issuer, user.get(),
                    groups.map(Credentials::split))));
        }
        if (env.get(Environment.TOKEN).isPresent()) {
            return new Credentials(Optional.of(new EnvironmentToken(env.get(Environment.TOKEN).get())));
        }
        if (env.get(Environment.TOKEN_COMMAND).isPresent()) {
            return new Credentials(Optional.of(new CommandToken(env.get(Environment.TOKEN_COMMAND).get())));
        }
        if (env.get(Environment.USER).isPresent()) {
            Optional<List<String>> envGroups = env.isSet(Environment.GROUPS)
                    ? Optional.of(split(env.asMap().get(Environment.GROUPS))) : Optional.empty();
            return new Credentials(Optional.of(new DevIssuerToken(transport, apiUrl, issuer,
                    env.get(Environment.USER).get(), envGroups)));
        }
        return new Credentials(Optional.empty());
    }

    static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    public boolean configured() {
        return source.isPresent();
    }

    /** The token, fetched on first use. */
    public String token() {
        if (current == null) {
            current = fetch();
        }
        return current;
    }

    /** After a 401: a fresh token when the source can give one; false when it cannot help. */
    public boolean renew() {
        if (source.isEmpty() || !source.get().renewable()) {
            return false;
        }
        current = fetch();
        return true;
    }

    private String fetch() {
        TokenSource from = source.orElseThrow(() -> new CliException(Exit.DENIED, "no credentials: run 'access --user "
                + "NAME ...' against scripts/local-up, or set AIRLOCK_TOKEN or AIRLOCK_TOKEN_COMMAND"));
        String token = from.token();
        if (!TOKEN68.matcher(token).matches()) {
            throw new CliException(Exit.DENIED, "the token from " + from.origin()
                    + " is not a bearer token (empty, or unexpected characters)");
        }
        return token;
    }
}
