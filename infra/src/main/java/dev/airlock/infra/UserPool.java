package dev.airlock.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.CfnUserPoolGroup;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.constructs.Construct;

import java.util.List;

/**
 * An Amazon Cognito user pool as Airlock's identity provider, when the deployment has none of its own
 * (context {@value StackConfig#CREATE_USER_POOL}): no self sign-up (an administrator adds people and
 * puts them in groups), the given groups ({@code cognito:groups} in tokens), a hosted sign-in domain,
 * and one <b>public</b> app client for the CLI: no secret, the authorization code grant only (the CLI
 * always sends PKCE S256), scopes {@code openid profile}, and the loopback callback URLs of the CLI's
 * fixed port (Cognito matches callback URLs exactly, port included; RFC 8252 §7.3's any-port rule is
 * not supported there). Cognito offers no device authorization grant, so {@code --headless} does not
 * work against it. The API's JWT authorizer and the functions trust this pool's issuer and client.
 */
final class UserPool extends Construct {

    private final software.amazon.awscdk.services.cognito.UserPool pool;
    private final UserPoolClient client;

    UserPool(Construct scope, String id, String domainPrefix, List<String> groups, int redirectPort) {
        super(scope, id);
        pool = software.amazon.awscdk.services.cognito.UserPool.Builder.create(this, "Pool")
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().username(true).email(true).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (String group : groups) {
            CfnUserPoolGroup.Builder.create(this, "Group-" + group).userPoolId(pool.getUserPoolId())
                    .groupName(group).description("Airlock: claims_to_roles maps this group").build();
        }
        pool.addDomain("Domain", software.amazon.awscdk.services.cognito.UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder().domainPrefix(domainPrefix).build()).build());
        client = pool.addClient("CliClient", software.amazon.awscdk.services.cognito.UserPoolClientOptions.builder()
                .userPoolClientName("airlock-cli")
                .generateSecret(false)
                .preventUserExistenceErrors(true)
                .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                .oAuth(OAuthSettings.builder()
                        .flows(OAuthFlows.builder().authorizationCodeGrant(true).implicitCodeGrant(false)
                                .clientCredentials(false).build())
                        .scopes(List.of(OAuthScope.OPENID, OAuthScope.PROFILE))
                        .callbackUrls(redirectUris(redirectPort))
                        .build())
                .build());
    }

    /** The CLI's redirect URI on its fixed port (also announced by {@code GET /.well-known/airlock}). */
    static List<String> redirectUris(int port) {
        return List.of("http://localhost:" + port + "/callback");
    }

    /** The pool's issuer: {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}. */
    String issuer() {
        return "https://cognito-idp." + Stack.of(this).getRegion() + ".amazonaws.com/" + pool.getUserPoolId();
    }

    /** The CLI's client id: the audience (Cognito access tokens carry it as {@code client_id}). */
    String clientId() {
        return client.getUserPoolClientId();
    }
}
