package dev.airlock.infra.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A minimal OIDC issuer on the host: discovery document and JWKS, so an emulator's JWT authorizer
 * can verify the tokens this class mints, as API Gateway does with a real identity provider.
 */
final class TestIssuer implements AutoCloseable {

    private static final int RSA_BITS = 2048;
    private final HttpServer server;
    private final RSAKey key;
    private String issuer;

    TestIssuer() throws IOException, JOSEException {
        this.key = newKey();
        this.server = HttpServer.create(new InetSocketAddress(0), 0);
        server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        server.createContext("/jwks", exchange -> respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
    }

    /** HTTP API JWT authorizers verify RSA signatures only (API Gateway developer guide), so RS256. */
    static RSAKey newKey() throws JOSEException {
        return new RSAKeyGenerator(RSA_BITS).keyID("test-" + System.nanoTime()).generate();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Starts serving under {@code issuer}, the URL at which the emulator reaches this server. */
    void start(String issuerUrl) {
        this.issuer = issuerUrl;
        server.start();
    }

    String issuer() {
        return issuer;
    }

    String token(String user, List<String> groups, String audience) throws JOSEException {
        return token(key, user, groups, audience);
    }

    /** A token signed by {@code signingKey}, which need not be the one this issuer publishes. */
    String token(RSAKey signingKey, String user, List<String> groups, String audience) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject(user).claim("groups", groups)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
