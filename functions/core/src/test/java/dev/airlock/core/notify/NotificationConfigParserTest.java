package dev.airlock.core.notify;

import dev.airlock.domain.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationConfigParserTest {

    static final String EXAMPLE = """
            targets:
              ops:
                type: webhook
                url_secret: ops-url
                signing_secret: ops-key
              chat:
                type: slack
                url_secret: chat-url
            routes:
              - events: [request.created, break_glass.opened]
                targets: [chat, ops]
              - events: ["*"]
                targets: [ops]
            """;

    @Test
    void parse_shouldReadTargetsAndRoutes_eachTargetOncePerEvent() {
        NotificationConfig config = NotificationConfigParser.parse(EXAMPLE);

        assertThat(config.targets().get("ops")).isEqualTo(new NotificationTarget("ops",
                NotificationTarget.Kind.WEBHOOK, "ops-url", Optional.of("ops-key")));
        assertThat(config.targets().get("chat").kind()).isEqualTo(NotificationTarget.Kind.SLACK);
        assertThat(config.targetsFor(EventType.REQUEST_CREATED)).extracting(NotificationTarget::name)
                .containsExactly("chat", "ops");
        assertThat(config.targetsFor(EventType.REQUEST_EXPIRED)).extracting(NotificationTarget::name)
                .containsExactly("ops");
        assertThat(config.secretNames()).containsExactly("chat-url", "ops-key", "ops-url");
    }

    @Test
    void parse_shouldReadAnEmptyFileAsNoRouting() {
        assertThat(NotificationConfigParser.parse("targets: {}\nroutes: []\n")).isEqualTo(NotificationConfig.NONE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'targets: {a: {type: webhook, url_secret: u}}' | targets.a.signing_secret",
            "'targets: {a: {type: slack, url_secret: u, signing_secret: k}}' | not signed",
            "'targets: {a: {type: email, url_secret: u}}' | not webhook or slack",
            "'targets: {a: {type: slack, url: u}}' | unknown field 'url'",
            "'targets: {a: {type: slack, url_secret: u}}\nroutes: [{events: [request.teleported], targets: [a]}]' | unknown event type",
            "'targets: {a: {type: slack, url_secret: u}}\nroutes: [{events: [request.created], targets: [b]}]' | no target named 'b'",
            "'targets: {a: {type: slack, url_secret: u}}\nroutes: [{events: [], targets: [a]}]' | must not be empty",
            "'channels: {}' | unknown field 'channels'",
            "'targets: [a]' | expected a mapping",
            "'targets: {a: {type: slack' | invalid YAML",
    })
    void parse_shouldRefuseAndNameTheField(String yaml, String expected) {
        assertThatThrownBy(() -> NotificationConfigParser.parse(yaml))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(expected)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo(NotificationConfigParser.CODE);
    }

    @Test
    void parse_shouldRefuseAValueWhereASecretNameBelongs_withoutEchoingIt() {
        String pasted = "https://hooks.slack.com/services/T000/B000/XXXXSECRET";

        assertThatThrownBy(() -> NotificationConfigParser.parse(
                "targets: {a: {type: slack, url_secret: '" + pasted + "'}}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("targets.a.url_secret: not a name")
                .hasMessageNotContaining("XXXXSECRET");
    }

    @Test
    void targetsFor_shouldBeEmptyForAnUnroutedType() {
        NotificationConfig config = NotificationConfigParser.parse(
                "targets: {a: {type: slack, url_secret: u}}\nroutes: [{events: [request.created], targets: [a]}]");

        assertThat(config.targetsFor(EventType.REQUEST_DENIED)).isEqualTo(List.of());
    }
}
