package dev.airlock.app.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.domain.error.UnauthenticatedException;
import dev.airlock.domain.role.Identity;
import dev.airlock.identity.BearerTokenVerifier;
import dev.airlock.identity.Caller;
import dev.airlock.identity.IdentitySettings;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The caller's identity, read <b>only</b> from the bearer token of the event's {@code Authorization}
 * header, which this function verifies itself ({@link BearerTokenVerifier}: signature against the
 * issuer's keys, issuer, audience, expiry). API Gateway's JWT authorizer is a first gate only:
 * {@code requestContext.authorizer.jwt.claims} is never read — anyone who can invoke the Lambda
 * directly could write it, and it renders array claims as {@code "[a b]"}, which would turn a group
 * named {@code book club dba-reviewers} into three groups.
 *
 * <p>Claims are read as JSON ({@link Caller}): the user from the configured user claim, refused unless
 * it is a safe, NFC user name; every claim offered to the role file's {@code claims_to_roles}, lists as
 * lists; the configured groups claim also under {@value #GROUPS}.
 */
public final class ClaimsIdentity {

    /** The claim name role files use for groups. */
    public static final String GROUPS = Caller.GROUPS;

    private final IdentitySettings settings;
    private final BearerTokenVerifier verifier;
    private final RoleCatalog roles;

    private ClaimsIdentity(IdentitySettings settings, BearerTokenVerifier verifier, RoleCatalog roles) {
        this.settings = settings;
        this.verifier = verifier;
        this.roles = Objects.requireNonNull(roles, "roles");
    }

    /** Identities from tokens that {@code verifier} accepts, read under {@code settings}. */
    public static ClaimsIdentity verifying(IdentitySettings settings, BearerTokenVerifier verifier, RoleCatalog roles) {
        return new ClaimsIdentity(Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(verifier, "verifier"), roles);
    }

    /** No issuer configured (a local run without one): every call is refused. */
    public static ClaimsIdentity refusingAll(RoleCatalog roles) {
        return new ClaimsIdentity(null, null, roles);
    }

    /**
     * The verified caller of this event with the base roles its claims map to.
     *
     * @throws UnauthenticatedException {@code no_issuer} when no issuer is configured, or see
     *         {@link BearerTokenVerifier#verify} and {@link dev.airlock.identity.VerifiedToken#caller}
     */
    public Identity identify(APIGatewayV2HTTPEvent event) {
        if (verifier == null) {
            throw new UnauthenticatedException("no_issuer", "this deployment trusts no token issuer");
        }
        Caller caller = verifier.verify(authorization(event)).caller(settings);
        return identityOf(caller.user(), caller.claims());
    }

    /**
     * The identity of an already verified caller. Public for SnapStart priming only, which runs the read
     * paths in-process before the checkpoint with a caller that has no roles; no event reaches it.
     */
    public Identity identityOf(String user, Map<String, List<String>> claims) {
        return new Identity(user, roles.current().baseRolesFor(claims), claims.getOrDefault(GROUPS, List.of()));
    }

    private static Optional<String> authorization(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        // API Gateway lower-cases header names in payload 2.0; a direct invocation might not.
        String found = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase("authorization")) {
                if (found != null) {
                    return Optional.empty();
                }
                found = header.getValue();
            }
        }
        return Optional.ofNullable(found);
    }
}
