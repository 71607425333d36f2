package dev.airlock.local;

import dev.airlock.core.api.Routes;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.airlock.ssh.testing.SshKeygen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full scenario — tokens minted, request, review, certificate, refusals — with every log line and
 * everything written to stdout/stderr captured, at DEBUG: no bearer token, no part of a JWT, and no
 * private key reaches the output. (The AWS adapter logs raw events, {@code Authorization} header
 * included, unless held back: see docs/ARCHITECTURE.md "Boundaries".)
 */
class SecretsStayOutOfLogsIT {

    @Test
    void aFullScenarioLogsNoTokenAndNoPrivateKey(@TempDir Path keys) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level rootLevel = root.getLevel();
        OutputStreamAppender<ILoggingEvent> appender = appender(context, captured);
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        List<String> secrets = new ArrayList<>();
        try {
            root.addAppender(appender);
            root.setLevel(Level.DEBUG);
            System.setOut(tee);
            System.setErr(tee);
            secrets.addAll(runScenario(keys));
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.setLevel(rootLevel);
            root.detachAppender(appender);
            appender.stop();
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).as("the capture works").contains("POST /requests -> 201").contains("POST /certificates -> 201");
        assertThat(secrets).hasSizeGreaterThan(6);
        for (String secret : secrets) {
            assertThat(log).as("a secret of %d characters", secret.length()).doesNotContain(secret);
        }
        assertThat(log).doesNotContainIgnoringCase("bearer ey").doesNotContain("PRIVATE KEY").doesNotContain("\"d\":\"");
    }

    /** Runs the scenario; returns every secret it handled (tokens, their parts, private key material). */
    private static List<String> runScenario(Path keys) throws Exception {
        List<String> secrets = new ArrayList<>();
        try (LocalAirlockFixture local = LocalAirlockFixture.start(Clock.systemUTC())) {
            Api api = local.api();
            String bob = api.token("bob");
            String alice = api.token("alice");
            String forged = DevTokenIssuer.inMemory(local.airlock().gateway().issuer().issuer(), Clock.systemUTC())
                    .mint("alice", List.of("dba-reviewers"), java.time.Duration.ofMinutes(5));
            for (String token : List.of(bob, alice, forged)) {
                String[] parts = token.split("\\.");
                secrets.add(token);
                secrets.add(parts[1]);
                secrets.add(parts[2]);
            }
            SshKeygen.GeneratedKey key = SshKeygen.generate(keys, "bob", "ed25519", 0);
            String privateKey = Files.readString(key.privateKey());
            privateKey.lines().filter(line -> !line.startsWith("-----") && line.length() > 20).forEach(secrets::add);

            String id = api.createRequest(bob, List.of("dba"), "INC-9: log check");
            assertThat(api.get("/requests", forged).status()).isEqualTo(401);
            assertThat(api.review(bob, id, "APPROVE", "self").status()).isEqualTo(403);
            assertThat(api.postJson("/requests", bob, "{\"roles\": [").status()).isEqualTo(400);
            assertThat(api.review(alice, id, "APPROVE", "ok").status()).isEqualTo(200);
            assertThat(api.sign(bob, Files.readString(key.publicKeyFile()).trim(), id).status()).isEqualTo(201);
            assertThat(api.get("/ca", bob).status()).isEqualTo(200);
            new ScheduledInvoker(local.airlock().functions(), Routes.EXPIRE, Clock.systemUTC(), "us-east-1").runOnce();
        }
        return secrets;
    }

    private static OutputStreamAppender<ILoggingEvent> appender(LoggerContext context, ByteArrayOutputStream sink) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger %msg %mdc%n%ex");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(sink);
        appender.start();
        return appender;
    }
}
