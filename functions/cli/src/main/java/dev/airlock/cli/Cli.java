package dev.airlock.cli;

import dev.airlock.cli.auth.Credentials;
import dev.airlock.cli.http.ApiClient;
import dev.airlock.cli.http.RequestIds;
import dev.airlock.cli.http.RequestListing;
import dev.airlock.cli.http.Transport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/** What every command shares: output, environment, the global options, the clock, and the API. */
public final class Cli {

    static final String DEFAULT_URL = "http://127.0.0.1:8080";

    private final Console console;
    private final Environment env;
    private final GlobalOptions global = new GlobalOptions();
    private final Clock clock;
    private Transport transport;

    public Cli(Console console, Environment env, Clock clock) {
        this.console = console;
        this.env = env;
        this.clock = clock;
    }

    public Console console() {
        return console;
    }

    public Environment env() {
        return env;
    }

    public GlobalOptions global() {
        return global;
    }

    public Clock clock() {
        return clock;
    }

    /** The person's home directory ($HOME, as the shell has it). */
    public Path home() {
        return Path.of(env.get(Environment.USER_HOME).orElse(System.getProperty("user.home")));
    }

    /** --url, AIRLOCK_URL, local.env's AIRLOCK_URL, or local-up's default; without a trailing slash. */
    public URI apiUrl() {
        String url = global.url().or(() -> env.setting(Environment.URL)).orElse(DEFAULT_URL);
        if (!url.matches("https?://.+")) {
            throw new CliException(Exit.USAGE, "AIRLOCK_URL must be an http(s) URL such as " + DEFAULT_URL
                    + ", was '" + url + "'");
        }
        try {
            return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new CliException(Exit.USAGE, "AIRLOCK_URL is not a valid URL: '" + url + "'");
        }
    }

    /** The credentials chosen by the options and environment (not yet fetched). */
    public Credentials credentials() {
        return Credentials.select(global.user(), global.groups(), env, transport(), apiUrl());
    }

    /** The API with the caller's token, fetched now: a missing credential fails before any call. */
    public ApiClient api() {
        Credentials credentials = credentials();
        credentials.token();
        return new ApiClient(apiUrl(), credentials, true, transport());
    }

    /** The API with the caller's token when one is configured, else without. */
    public ApiClient optionalApi() {
        Credentials credentials = credentials();
        if (credentials.configured()) {
            credentials.token();
        }
        return new ApiClient(apiUrl(), credentials, false, transport());
    }

    public RequestListing listing(ApiClient api) {
        return new RequestListing(api, env.get(Environment.PAGE_SIZE));
    }

    public RequestIds ids(ApiClient api) {
        return new RequestIds(listing(api));
    }

    private Transport transport() {
        if (transport == null) {
            boolean tls = apiUrl().getScheme().equals("https")
                    || env.get(Environment.DEV_TOKEN_URL).map(url -> url.startsWith("https:")).orElse(false);
            transport = new Transport(tls);
        }
        return transport;
    }
}
