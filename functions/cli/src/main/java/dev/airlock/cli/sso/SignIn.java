package dev.airlock.cli.sso;

import dev.airlock.cli.Cli;
import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.http.Transport;

import java.time.Clock;

/**
 * Single sign-on for {@code access login} and {@code access sso login}: the deployment's settings
 * ({@code GET /.well-known/airlock}), the provider's discovery document, the browser (PKCE) or device
 * flow, the tokens verified, and the session cached. Only this package loads the verifier's classes
 * (Nimbus), and only on this path.
 */
public final class SignIn {

    private final Cli cli;

    public SignIn(Cli cli) {
        this.cli = cli;
    }

    /** The session store for the CLI's Airlock URL. */
    public static SessionStore store(Cli cli) {
        return SessionStore.of(cli.env(), cli.home(), cli.apiUrl().toString());
    }

    /** Signs in unless the cached session still gives a token (refreshing it if need be). */
    public void ensure(boolean headless) {
        SessionStore store = store(cli);
        if (store.exists()) {
            try {
                new SsoToken(store, cli.clock()).token();
                return;
            } catch (CliException e) {
                if (e.exitCode() != Exit.DENIED) {
                    throw e;
                }
            }
        }
        Session session = signIn(headless);
        cli.console().note("Signed in as " + session.user() + ".");
    }

    /** Signs in now and caches the session. */
    public Session signIn(boolean headless) {
        Clock clock = cli.clock();
        Deployment deployment = Deployment.fetch(new Transport(cli.apiUrl().getScheme().equals("https")), cli.apiUrl());
        Transport provider = new Transport(deployment.issuer().startsWith("https:"));
        ProviderMetadata metadata = ProviderMetadata.discover(provider, deployment.issuer());
        TokenEndpoint endpoint = new TokenEndpoint(provider, deployment.clientId());
        TokenChecks checks = new TokenChecks(deployment, metadata.jwksUri(), clock);
        TokenEndpoint.Tokens tokens = headless ? new DeviceFlow(cli.console()).run(deployment, metadata, endpoint)
                : new AuthorizationCodeFlow(cli.console(), cli.env()).run(deployment, metadata, endpoint, checks);
        TokenChecks.Holder holder = checks.accessToken(tokens.accessToken());
        Session session = new Session(cli.apiUrl().toString(), deployment, metadata.tokenEndpoint(), metadata.jwksUri(),
                tokens.accessToken(), holder.expiresAt(), tokens.refreshToken(), holder.user(), holder.groups(),
                clock.instant());
        SessionStore store = store(cli);
        store.locked(() -> {
            store.write(session);
            return null;
        });
        return session;
    }
}
