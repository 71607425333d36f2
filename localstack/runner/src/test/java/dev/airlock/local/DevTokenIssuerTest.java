package dev.airlock.local;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.airlock.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevTokenIssuerTest {

    private static final String ISSUER = DevTokenIssuer.issuerUrl(8080);
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-07T19:38:02Z"));

    @Test
    void mint_shouldCarryUserGroupsIssuerAudienceAndLifetime() throws Exception {
        DevTokenIssuer issuer = DevTokenIssuer.inMemory(ISSUER, clock);

        SignedJWT jwt = SignedJWT.parse(issuer.mint("bob", List.of("contractors"), Duration.ofMinutes(30)));

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("bob");
        assertThat(claims.getStringListClaim("groups")).containsExactly("contractors");
        assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:8080/dev");
        assertThat(claims.getAudience()).containsExactly(DevTokenIssuer.AUDIENCE);
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant());
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(issuer.publicKeys().getKeys().get(0).getKeyID());
    }

    @Test
    void publicKeys_shouldHoldNoPrivatePart() {
        DevTokenIssuer issuer = DevTokenIssuer.inMemory(ISSUER, clock);

        JWK key = issuer.publicKeys().getKeys().get(0);

        assertThat(key.isPrivate()).isFalse();
        assertThat(issuer.publicKeys().toString(true)).doesNotContain("\"d\"");
    }

    @Test
    void mint_shouldRefuseNonPositiveOrOverlongLifetimes() {
        DevTokenIssuer issuer = DevTokenIssuer.inMemory(ISSUER, clock);

        assertThatThrownBy(() -> issuer.mint("bob", List.of(), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> issuer.mint("bob", List.of(), DevTokenIssuer.MAX_TTL.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(issuer.mint("bob", List.of(), DevTokenIssuer.MAX_TTL)).isNotBlank();
    }

    @Test
    void persistent_shouldKeepTheKeySoTokensSurviveARestart(@TempDir Path home) throws Exception {
        Path keyFile = home.resolve("sub/dev-issuer-key.json");
        DevTokenIssuer first = DevTokenIssuer.persistent(keyFile, ISSUER, clock);
        String token = first.mint("alice", List.of("dba-reviewers"), Duration.ofHours(1));

        DevTokenIssuer restarted = DevTokenIssuer.persistent(keyFile, ISSUER, clock);
        dev.airlock.identity.BearerTokenVerifier verifier = new dev.airlock.identity.BearerTokenVerifier(ISSUER,
                java.util.Set.of(DevTokenIssuer.AUDIENCE),
                new com.nimbusds.jose.jwk.source.ImmutableJWKSet<>(restarted.publicKeys()), clock);

        assertThat(verifier.verify(Optional.of("Bearer " + token)).claims()).containsEntry("sub", "alice");
        assertThat(restarted.publicKeys().toJSONObject()).isEqualTo(first.publicKeys().toJSONObject());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void persistent_shouldRefuseAFileThatIsNotAPrivateKeyWithoutEchoingIt(@TempDir Path home) throws Exception {
        Path keyFile = home.resolve("dev-issuer-key.json");
        Files.writeString(keyFile, "{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXZhbHVl\"}");

        assertThatThrownBy(() -> DevTokenIssuer.persistent(keyFile, ISSUER, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a private P-256 JWK")
                .hasMessageNotContaining("c2VjcmV0LXZhbHVl");
    }
}
