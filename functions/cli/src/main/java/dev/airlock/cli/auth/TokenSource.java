package dev.airlock.cli.auth;

/**
 * Where the bearer token comes from. The only seam for token acquisition: an SSO login (a loopback
 * listener with PKCE and a token cache) becomes one more implementation chosen in {@link Credentials}.
 */
public interface TokenSource {

    /**
     * A bearer token.
     *
     * @throws dev.airlock.cli.CliException when none can be had (exit 2, or 5 when a server is down)
     */
    String token();

    /** Whether asking again after a 401 may give a fresher token (a long login wait can outlive one). */
    boolean renewable();

    /** Names the source in messages ("AIRLOCK_TOKEN"), never the token. */
    String origin();
}
