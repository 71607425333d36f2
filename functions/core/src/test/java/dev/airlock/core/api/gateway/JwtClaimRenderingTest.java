package dev.airlock.core.api.gateway;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JwtClaimRenderingTest {

    @Test
    void render_shouldTurnEveryClaimIntoTheStringApiGatewaySends() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "bob");
        claims.put("groups", List.of("contractors", "dba-reviewers"));
        claims.put("empty", List.of());
        claims.put("exp", 1794083882L);
        claims.put("ratio", 1.50d);
        claims.put("email_verified", true);
        claims.put("address", new LinkedHashMap<>(Map.of("country", "DE")));
        claims.put("nothing", null);

        assertThat(JwtClaimRendering.render(claims)).containsExactly(
                Map.entry("sub", "bob"),
                Map.entry("groups", "[contractors dba-reviewers]"),
                Map.entry("empty", "[]"),
                Map.entry("exp", "1794083882"),
                Map.entry("ratio", "1.5"),
                Map.entry("email_verified", "true"),
                Map.entry("address", "map[country:DE]"));
    }

    @Test
    void scopes_shouldComeFromScopeOrScp() {
        assertThat(JwtClaimRendering.scopes(Map.of("scope", "airlock/read  airlock/write"))).containsExactly(
                "airlock/read", "airlock/write");
        assertThat(JwtClaimRendering.scopes(Map.of("scp", List.of("a", "b")))).containsExactly("a", "b");
        assertThat(JwtClaimRendering.scopes(Map.of("sub", "bob"))).isEmpty();
    }
}
