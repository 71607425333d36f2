package dev.airlock.cli.http;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.UsageError;
import dev.airlock.cli.text.Json;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A request id as people type it: the full UUID (used as is, so a reviewer can name a request that has
 * left their queue) or a unique prefix of at least {@value #MIN_PREFIX} characters, looked up among the
 * requests the caller may see.
 */
public final class RequestIds {

    public static final int MIN_PREFIX = 4;
    private static final Pattern HEX = Pattern.compile("[0-9a-f-]+");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final RequestListing listing;

    public RequestIds(RequestListing listing) {
        this.listing = listing;
    }

    /** Checks the form only (a usage error before any call). */
    public static String normalize(String given) {
        String id = given.toLowerCase(Locale.ROOT);
        if (!HEX.matcher(id).matches()) {
            throw new UsageError("'" + given + "' is not a request id (a UUID, or a prefix of one such as bc8ca931)");
        }
        if (!UUID.matcher(id).matches() && id.length() < MIN_PREFIX) {
            throw new UsageError("request id prefix '" + given + "' is too short: give at least " + MIN_PREFIX + " characters");
        }
        return id;
    }

    /** The full id for {@code given}. */
    public String resolve(String given) {
        String id = normalize(given);
        if (UUID.matcher(id).matches()) {
            return id;
        }
        List<String> matches = listing.all("").stream().map(item -> Json.text(item, "id").orElse(""))
                .filter(candidate -> candidate.toLowerCase(Locale.ROOT).startsWith(id)).distinct().sorted().toList();
        if (matches.isEmpty()) {
            throw new CliException(Exit.NOT_FOUND, "no request with an id starting with '" + given
                    + "' (among the requests you may see)");
        }
        if (matches.size() > 1) {
            throw new CliException(Exit.USAGE, "request id prefix '" + given + "' is ambiguous; it matches " + matches.size()
                    + " requests: " + String.join(" ", matches) + "; give more characters");
        }
        return matches.get(0);
    }
}
