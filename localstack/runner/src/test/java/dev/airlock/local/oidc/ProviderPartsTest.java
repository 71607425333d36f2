package dev.airlock.local.oidc;

import dev.airlock.core.testing.MutableClock;
import dev.airlock.local.DemoUsers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider's small parts: PKCE, user codes, and the bounded maps behind every flow. */
class ProviderPartsTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-07T19:38:02Z"));

    @Test
    void pkce_shouldMatchTheRfc7636AppendixBExample() {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

        assertThat(Pkce.verifies(verifier, challenge)).isTrue();
        assertThat(Pkce.verifies(verifier.replace('d', 'e'), challenge)).isFalse();
        assertThat(Pkce.verifies("short", Pkce.challengeOf("short"))).as("verifier under 43 characters").isFalse();
        assertThat(Pkce.isChallenge(challenge)).isTrue();
        assertThat(Pkce.isChallenge(verifier + "x")).isFalse();
    }

    @Test
    void userCodes_shouldBeReadableAndNormaliseAsTyped() {
        String code = Secrets.userCode();

        assertThat(code).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        assertThat(Secrets.normaliseUserCode(" " + code.toLowerCase(java.util.Locale.ROOT).replace("-", " "))).contains(code);
        assertThat(Secrets.normaliseUserCode("ABCD-EFGH")).as("vowels are never issued").isEmpty();
        assertThat(Secrets.normaliseUserCode("<script>")).isEmpty();
    }

    @Test
    void boundedMap_shouldNeverHoldMoreThanItsCapacity() {
        BoundedExpiringMap<Integer, String> map = new BoundedExpiringMap<>(3, clock);
        Instant later = clock.instant().plus(Duration.ofHours(1));

        for (int i = 0; i < 1_000; i++) {
            map.put(i, "v" + i, later);
        }

        assertThat(map.size()).isEqualTo(3);
        assertThat(map.get(999)).contains("v999");
        assertThat(map.get(0)).as("the oldest made room").isEmpty();
    }

    @Test
    void boundedMap_shouldForgetExpiredEntriesAndTakeOnlyOnce() {
        BoundedExpiringMap<String, String> map = new BoundedExpiringMap<>(10, clock);
        map.put("short", "a", clock.instant().plus(Duration.ofSeconds(60)));
        map.put("long", "b", clock.instant().plus(Duration.ofSeconds(600)));

        assertThat(map.take("long")).contains("b");
        assertThat(map.take("long")).isEmpty();
        clock.advance(Duration.ofSeconds(60));
        assertThat(map.get("short")).isEmpty();
        map.put("new", "c", clock.instant().plus(Duration.ofSeconds(1)));
        assertThat(map.size()).as("expired entries purged on write").isEqualTo(1);
    }

    @Test
    void loopbackRule_shouldFollowRfc8252() {
        assertThat(OidcClients.isLoopback("http://127.0.0.1:51234/callback")).isTrue();
        assertThat(OidcClients.isLoopback("http://localhost:51234/callback")).isTrue();
        assertThat(OidcClients.isLoopback("http://[::1]:51234/callback")).isTrue();
        assertThat(OidcClients.isLoopback("http://127.0.0.1:51234/callback?x=1")).isTrue();
        assertThat(OidcClients.isLoopback("http://127.0.0.1:51234@evil.example/callback")).isFalse();
        assertThat(OidcClients.isLoopback("http://127.0.0.1:51234\\@evil.example/")).isFalse();
        assertThat(OidcClients.isLoopback("http://127.0.0.2:51234/callback")).isFalse();
        assertThat(OidcClients.isLoopback("HTTP://evil.example/")).isFalse();
        assertThat(OidcClients.isLoopback("http:/127.0.0.1/callback")).isFalse();
    }

    @Test
    void declaredClients_shouldHaveTheGatewayOriginFilledIn() {
        OidcClients clients = OidcClients.of(List.of(new DemoUsers.Client("console", false, List.of("{gateway}/app/"))),
                URI.create("http://127.0.0.1:8080"));

        OidcClients.Client console = clients.find("console").orElseThrow();
        assertThat(OidcClients.allowsRedirect(console, "http://127.0.0.1:8080/app/")).isTrue();
        assertThat(OidcClients.allowsRedirect(console, "http://127.0.0.1:8080/app/x")).as("exact match only").isFalse();
        assertThat(OidcClients.allowsRedirect(console, "http://127.0.0.1:9999/cb")).as("no loopback for it").isFalse();
        assertThat(clients.find("airlock-cli")).isEmpty();
    }
}
