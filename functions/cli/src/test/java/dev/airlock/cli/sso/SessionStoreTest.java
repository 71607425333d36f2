package dev.airlock.cli.sso;

import dev.airlock.cli.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The session cache: where it lives, its modes, one file per URL (the refresh lock: SsoSignInIT, two processes). */
class SessionStoreTest {

    @TempDir
    Path home;

    private static Session session(String url, String user) {
        Deployment deployment = new Deployment("http://127.0.0.1:1/dev", "airlock-cli", "airlock-local",
                List.of("openid"), "sub", "groups", "1");
        return new Session(url, deployment, URI.create("http://127.0.0.1:1/dev/oauth2/token"),
                URI.create("http://127.0.0.1:1/dev/jwks"), "access.token.value", Instant.parse("2026-11-07T20:00:00Z"),
                Optional.of("refresh-1"), user, List.of("contractors", "book club"), Instant.parse("2026-11-07T19:45:00Z"));
    }

    @Test
    void underXdgConfigHome_mode0600_inDirectories0700_andReadBackWhole() throws IOException {
        Environment env = new Environment(Map.of(Environment.XDG_CONFIG_HOME, home.resolve("cfg").toString()), home);
        SessionStore store = SessionStore.of(env, home, "http://127.0.0.1:8080");
        store.write(session("http://127.0.0.1:8080", "bob"));

        assertThat(store.file().getParent()).isEqualTo(home.resolve("cfg/airlock/sessions"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("cfg/airlock"))))
                .isEqualTo("rwx------");
        assertThat(store.read()).contains(session("http://127.0.0.1:8080", "bob"));
        assertThat(Files.list(store.file().getParent()).map(p -> p.getFileName().toString()))
                .allMatch(name -> !name.endsWith(".tmp"));
    }

    @Test
    void defaultsToDotConfig_oneFilePerUrl_andDeleteForgetsOnlyThatOne() {
        Environment env = new Environment(Map.of(), home);
        SessionStore one = SessionStore.of(env, home, "http://127.0.0.1:8080");
        SessionStore other = SessionStore.of(env, home, "https://airlock.example.com");
        one.write(session("http://127.0.0.1:8080", "bob"));
        other.write(session("https://airlock.example.com", "alice"));

        assertThat(one.file().getParent()).isEqualTo(home.resolve(".config/airlock/sessions"));
        assertThat(one.file()).isNotEqualTo(other.file());
        assertThat(one.delete()).isTrue();
        assertThat(one.read()).isEmpty();
        assertThat(one.delete()).isFalse();
        assertThat(other.read().map(Session::user)).contains("alice");
    }

    @Test
    void aFileThatIsNotASession_readsAsSignedOut() throws IOException {
        SessionStore store = SessionStore.of(new Environment(Map.of(), home), home, "http://x:1");
        Files.createDirectories(store.file().getParent());
        Files.writeString(store.file(), "{\"url\": 5}");
        assertThat(store.read()).isEmpty();
    }
}
