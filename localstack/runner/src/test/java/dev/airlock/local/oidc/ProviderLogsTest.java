package dev.airlock.local.oidc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** At DEBUG, the provider's log says who signed in and never holds a code, verifier or token. */
class ProviderLogsTest {

    @Test
    void signInsAreLoggedWithoutAnySecret() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        OutputStreamAppender<ILoggingEvent> appender = appender(context, captured);
        List<String> secrets = new ArrayList<>();
        try (ProviderFixture provider = new ProviderFixture()) {
            root.addAppender(appender);
            root.setLevel(Level.DEBUG);
            secrets.addAll(pkceFlow(provider));
            secrets.addAll(deviceFlow(provider));
        } finally {
            root.setLevel(level);
            root.detachAppender(appender);
            appender.stop();
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).contains("bob signed in for client airlock-cli").contains("alice approved a device");
        assertThat(secrets).hasSize(10).allSatisfy(secret -> assertThat(log).doesNotContain(secret));
    }

    private static List<String> pkceFlow(ProviderFixture provider) {
        ProviderFixture.Pkce pkce = ProviderFixture.Pkce.fresh();
        String code = provider.codeFor(provider.authorizationRequest(pkce), "bob");
        JsonNode tokens = provider.exchangeCode(code, pkce).json();
        JsonNode refreshed = provider.token(Map.of("grant_type", "refresh_token", "client_id", OidcClients.CLI,
                "refresh_token", tokens.path("refresh_token").asString())).json();
        return List.of(code, pkce.verifier(), signature(tokens.path("access_token").asString()),
                signature(tokens.path("id_token").asString()), tokens.path("refresh_token").asString(),
                refreshed.path("refresh_token").asString());
    }

    private static List<String> deviceFlow(ProviderFixture provider) {
        JsonNode device = provider.postForm(provider.endpoint("/oauth2/device_authorization"),
                Map.of("client_id", OidcClients.CLI)).json();
        ProviderFixture.Reply page = provider.get(URI.create(device.path("verification_uri_complete").asString()));
        Map<String, String> form = new LinkedHashMap<>(page.hiddenFields());
        form.put("demo_user", "alice");
        provider.postForm(page.formAction(), form);
        JsonNode tokens = provider.token(Map.of("grant_type", TokenEndpoint.DEVICE_CODE_GRANT, "client_id", OidcClients.CLI,
                "device_code", device.path("device_code").asString())).json();
        return List.of(device.path("device_code").asString(), device.path("user_code").asString(),
                signature(tokens.path("access_token").asString()), tokens.path("refresh_token").asString());
    }

    private static String signature(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }

    private static OutputStreamAppender<ILoggingEvent> appender(LoggerContext context, ByteArrayOutputStream out) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%logger %msg%n");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        return appender;
    }
}
