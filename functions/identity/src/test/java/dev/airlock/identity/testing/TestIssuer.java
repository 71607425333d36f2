package dev.airlock.identity.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TEST ONLY: an identity provider made at run time — a fresh RSA key (never stored), its JWK set and an
 * OpenID Connect discovery document served on 127.0.0.1 by the JDK's HTTP server, and tokens signed
 * with it. Also signs the tokens an attacker would try: {@code alg: none}, HS256 keyed with the public
 * key, claims of any JSON shape.
 */
public final class TestIssuer implements AutoCloseable {

    /** The audience of its tokens (the fixtures' {@code aud}). */
    public static final String AUDIENCE = "airlock-cli";
    /** The issuer of the shared instance: the fixtures' {@code iss}; its keys are at {@link #jwksUrl()}. */
    public static final String FIXTURE_ISSUER = "https://login.example.com/";
    /** Expiry of fixture tokens: far away, so no test depends on the wall clock (2100-01-01T00:00:00Z). */
    public static final Instant FAR_FUTURE = Instant.ofEpochSecond(4_102_444_800L);

    private static TestIssuer shared;

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;
    private final AtomicInteger jwksFetches = new AtomicInteger();

    private TestIssuer(String issuerOrNull) {
        try {
            key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("test-" + UUID.randomUUID()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("cannot start the test issuer", e);
        }
        issuer = issuerOrNull != null ? issuerOrNull : "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/jwks.json", exchange -> {
            jwksFetches.incrementAndGet();
            respond(exchange, publicKeys().toString());
        });
        server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUrl() + "\"}"));
        server.start();
    }

    /** One issuer per test JVM, {@value #FIXTURE_ISSUER}, keys at {@link #jwksUrl()}. */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer(FIXTURE_ISSUER);
        }
        return shared;
    }

    /** An issuer at its own URL {@code http://127.0.0.1:PORT}, with a discovery document; close it after use. */
    public static TestIssuer local() {
        return new TestIssuer(null);
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    /** How often its JWK set was fetched. */
    public int jwksFetches() {
        return jwksFetches.get();
    }

    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** Standard claims for {@code user} in {@code groups}: iss, aud, sub, groups, iat, exp ({@link #FAR_FUTURE}). */
    public JWTClaimsSet.Builder claims(String user, List<String> groups) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject(user)
                .claim("groups", List.copyOf(groups)).issueTime(Date.from(Instant.ofEpochSecond(1_700_000_000L)))
                .expirationTime(Date.from(FAR_FUTURE));
    }

    /** A token for {@code user} in {@code groups}, valid until {@link #FAR_FUTURE}. */
    public String token(String user, List<String> groups) {
        return sign(claims(user, groups).build());
    }

    public String sign(JWTClaimsSet claims) {
        return signJson(claims.toString());
    }

    /** Signs any payload text (e.g. {@code "exp": null}) with the issuer's key, RS256. */
    public String signJson(String payloadJson) {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), new Payload(payloadJson));
        try {
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

    /** The classic key-confusion forgery: HS256 with the issuer's public key (its DER) as the HMAC secret. */
    public String hs256WithPublicKey(JWTClaimsSet claims) {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), new Payload(claims.toString()));
        try {
            jws.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

    /** An unsecured JWT ({@code alg: none}, RFC 7519 §6) with these claims. */
    public static String unsigned(JWTClaimsSet claims) {
        return Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + Base64URL.encode(claims.toString()) + ".";
    }

    /** Claims as JSON, with one claim replaced by raw JSON text (e.g. {@code exp} by {@code null}). */
    public static String withRawClaim(JWTClaimsSet claims, String name, String rawJson) {
        Map<String, Object> json = new java.util.LinkedHashMap<>(claims.toJSONObject());
        json.remove(name);
        String rest = com.nimbusds.jose.util.JSONObjectUtils.toJSONString(json);
        return "{\"" + name + "\":" + rawJson + (rest.equals("{}") ? "}" : "," + rest.substring(1));
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        if (this != shared) {
            server.stop(0);
        }
    }
}
