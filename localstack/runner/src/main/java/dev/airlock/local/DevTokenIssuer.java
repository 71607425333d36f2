package dev.airlock.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * LOCAL DEVELOPMENT ONLY: the identity provider of {@code local-up}. It signs ES256 JWTs for any user
 * name and groups asked for, with issuer {@code http://127.0.0.1:PORT/dev} and audience
 * {@value #AUDIENCE}, and publishes its public key as a JWK set. It lives only in this module, never in
 * the Lambda package or the deployed stack, where API Gateway's JWT authorizer trusts a real issuer.
 *
 * <p>The signing key is generated once and kept under {@code .airlock/} (mode 0600) so tokens survive a
 * restart; it is never logged and never leaves that file except as its public half.
 */
public final class DevTokenIssuer {

    /** The audience of every dev token; the gateway accepts no other. */
    public static final String AUDIENCE = "airlock-local";
    /** The path under the gateway where the issuer lives; the issuer URL ends with it. */
    public static final String PATH = "/dev";
    public static final String GROUPS_CLAIM = "groups";
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    /** Longest token: a working day; a leaked dev token should not outlive it. */
    public static final Duration MAX_TTL = Duration.ofHours(24);

    private final ECKey signingKey;
    private final String issuer;
    private final Clock clock;

    private DevTokenIssuer(ECKey signingKey, String issuer, Clock clock) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The issuer URL for a gateway on {@code port}: {@code http://127.0.0.1:PORT/dev}. */
    public static String issuerUrl(int port) {
        return "http://127.0.0.1:" + port + PATH;
    }

    /** An issuer with a fresh key held in memory only (tests). */
    public static DevTokenIssuer inMemory(String issuer, Clock clock) {
        return new DevTokenIssuer(generateKey(), issuer, clock);
    }

    /**
     * The issuer whose key is kept in {@code keyFile}: loaded when the file exists, else generated and
     * written there (owner-only permissions where the file system has them).
     */
    public static DevTokenIssuer persistent(Path keyFile, String issuer, Clock clock) {
        Objects.requireNonNull(keyFile, "keyFile");
        try {
            ECKey key = Files.exists(keyFile) ? load(keyFile) : store(keyFile, generateKey());
            return new DevTokenIssuer(key, issuer, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the development issuer key " + keyFile, e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return AUDIENCE;
    }

    /** The public keys, as served on {@code /dev/jwks.json}. */
    public JWKSet publicKeys() {
        return new JWKSet(signingKey.toPublicJWK());
    }

    /**
     * A token for {@code user} with {@code groups} claims, valid from now for {@code ttl}.
     *
     * @throws IllegalArgumentException when the ttl is not positive or longer than {@link #MAX_TTL}
     */
    public String mint(String user, List<String> groups, Duration ttl) {
        requireTtl(ttl);
        Instant now = clock.instant();
        return sign(claims(user, groups, now, now.plus(ttl)).build());
    }

    /**
     * An OpenID Connect ID token (OIDC Core §2) for {@code clientId}: the claims of {@link #mint} but
     * with the client as audience and authorized party, the request's {@code nonce} and the sign-in
     * time. The gateway never accepts it as an access token (its audience is not {@value #AUDIENCE}).
     */
    public String mintIdToken(String user, List<String> groups, String clientId, Optional<String> nonce,
                              Instant authTime, Duration ttl) {
        requireTtl(ttl);
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = claims(user, groups, now, now.plus(ttl))
                .audience(Objects.requireNonNull(clientId, "clientId"))
                .claim("azp", clientId)
                .claim("auth_time", Date.from(authTime));
        nonce.ifPresent(value -> claims.claim("nonce", value));
        return sign(claims.build());
    }

    private static void requireTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("ttl must be more than 0s and at most " + MAX_TTL.toHours() + "h");
        }
    }

    /** The standard claims of a dev token, for callers (tests) that want to change one of them. */
    JWTClaimsSet.Builder claims(String user, List<String> groups, Instant issuedAt, Instant expires) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(Objects.requireNonNull(user, "user"))
                .claim(GROUPS_CLAIM, List.copyOf(groups))
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString());
    }

    /** Signs any claims with the issuer key (tests use it for wrong audiences and the like). */
    String sign(JWTClaimsSet claims) {
        return signPayload(claims.toString());
    }

    /** Signs any payload text, even claims no builder writes ({@code "exp": null}); tests only. */
    String signPayload(String json) {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(JOSEObjectType.JWT).keyID(signingKey.getKeyID()).build(), new Payload(json));
        try {
            jws.sign(new ECDSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
        return jws.serialize();
    }

    private static ECKey generateKey() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the development issuer key", e);
        }
    }

    private static ECKey load(Path keyFile) throws IOException {
        try {
            JWK jwk = JWK.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
            if (jwk instanceof ECKey ec && ec.isPrivate() && Curve.P_256.equals(ec.getCurve())) {
                return ec;
            }
        } catch (ParseException e) {
            // Fall through: never echo the file, it holds a private key.
        }
        throw new IllegalStateException("the development issuer key " + keyFile
                + " is not a private P-256 JWK; delete it to have a new one generated");
    }

    private static ECKey store(Path keyFile, ECKey key) throws IOException {
        Path directory = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".dev-issuer-key", ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, keyFile, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, keyFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return key;
    }
}
