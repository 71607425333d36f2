package dev.airlock.cli.sso;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.auth.TokenSource;
import dev.airlock.cli.http.Transport;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in session's access token: the cached one while it is valid, else a new one for the
 * refresh token, exchanged and verified holding the session's lock; a shell that waited for the lock
 * finds the other's fresh token and spends nothing (the provider's refresh tokens may rotate: a spent
 * one then revokes the session).
 */
public final class SsoToken implements TokenSource {

    private final SessionStore store;
    private final Clock clock;

    public SsoToken(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String token() {
        Session session = store.read().orElseThrow(SsoToken::signedOut);
        if (session.usableAt(clock.instant())) {
            return session.accessToken();
        }
        return store.locked(() -> {
            Session current = store.read().orElseThrow(SsoToken::signedOut);
            if (current.usableAt(clock.instant())) {
                return current.accessToken();
            }
            Session renewed = refresh(current);
            store.write(renewed);
            return renewed.accessToken();
        });
    }

    private Session refresh(Session session) {
        String refreshToken = session.refreshToken().orElseThrow(SsoToken::ended);
        Transport transport = new Transport(session.tokenEndpoint().getScheme().equals("https"));
        TokenEndpoint.Tokens tokens;
        try {
            tokens = new TokenEndpoint(transport, session.deployment().clientId()).grant(session.tokenEndpoint(),
                    Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        } catch (TokenEndpoint.OAuthRefusal refused) {
            throw ended();
        }
        TokenChecks.Holder holder = new TokenChecks(session.deployment(), session.jwksUri(), clock)
                .accessToken(tokens.accessToken());
        if (!holder.user().equals(session.user())) {
            throw new CliException(Exit.DENIED, "the refreshed token names another user; sign in again: access sso login");
        }
        return session.refreshed(tokens.accessToken(), holder, tokens.refreshToken());
    }

    private static CliException signedOut() {
        return new CliException(Exit.DENIED, "not signed in: run 'access login' (or 'access sso login')");
    }

    private static CliException ended() {
        return new CliException(Exit.DENIED, "the sign-in session has ended: run 'access login' (or 'access sso login')");
    }

    /** The cached session, for status. */
    public Optional<Session> session() {
        return store.read();
    }

    @Override
    public boolean renewable() {
        return true;
    }

    @Override
    public String origin() {
        return "the single sign-on session";
    }
}
