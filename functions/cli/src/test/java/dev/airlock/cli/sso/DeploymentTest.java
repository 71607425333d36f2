package dev.airlock.cli.sso;

import dev.airlock.cli.CliException;
import dev.airlock.cli.text.Json;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GET /.well-known/airlock as the CLI reads it. */
class DeploymentTest {

    private static final URI FROM = URI.create("https://airlock.example.com/.well-known/airlock");

    private static Deployment parse(String json) {
        return Deployment.parse(Json.parseObject(json).orElseThrow(), FROM);
    }

    @Test
    void settings_withDefaultsForClaims_andOpenidAlwaysAsked() {
        Deployment deployment = parse("{\"issuer\":\"https://idp.example.com\",\"clientId\":\"cli\",\"audience\":\"api\","
                + "\"scopes\":[\"offline_access\"],\"apiVersion\":\"1\"}");
        assertThat(deployment).isEqualTo(new Deployment("https://idp.example.com", "cli", "api",
                List.of("openid", "offline_access"), "sub", "groups", "1"));
    }

    @Test
    void aFixedLoopbackRedirect_isTaken_anythingElseIsRefused() {
        String base = "{\"issuer\":\"https://idp.example.com\",\"clientId\":\"cli\",\"audience\":\"api\",\"redirectUri\":";
        assertThat(parse(base + "\"http://localhost:53682/callback\"}").redirectUri())
                .isEqualTo(Optional.of(URI.create("http://localhost:53682/callback")));
        for (String bad : List.of("https://evil.example/callback", "http://localhost/callback", "http://10.0.0.1:80/callback",
                "http://127.0.0.1:8080/other")) {
            assertThatThrownBy(() -> parse(base + "\"" + bad + "\"}")).isInstanceOf(CliException.class)
                    .hasMessageContaining("redirectUri");
        }
    }

    @Test
    void anIssuerThatIsNotHttps_orMissingFields_areRefused() {
        assertThatThrownBy(() -> parse("{\"issuer\":\"http://idp.example.com\",\"clientId\":\"c\",\"audience\":\"a\"}"))
                .hasMessageContaining("not an https URL");
        assertThatThrownBy(() -> parse("{\"issuer\":\"https://idp.example.com\",\"audience\":\"a\"}"))
                .hasMessageContaining("lacks 'clientId'");
    }
}
