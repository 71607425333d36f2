package dev.airlock.cli.krl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.airlock.cli.AccessMain;
import dev.airlock.cli.Cli;
import dev.airlock.cli.Console;
import dev.airlock.cli.Environment;
import dev.airlock.ssh.KrlBuilder;
import dev.airlock.ssh.KrlParser;
import dev.airlock.ssh.SshPublicKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code access krl --output FILE} against an in-process HTTP server: a good KRL is installed
 * atomically with mode 0644; every failure (HTTP error, network failure, a truncated body, a KRL that
 * does not parse, a KRL for another CA, an older KRL) keeps the old file byte for byte and exits 5.
 */
class KrlCommandTest {

    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;
    private volatile Consumer<HttpExchange> caHandler;
    private volatile Consumer<HttpExchange> krlHandler;
    private SshPublicKey ca;
    private SshPublicKey otherCa;
    private Path file;

    @BeforeEach
    void start() throws IOException, GeneralSecurityException {
        ca = newCaKey();
        otherCa = newCaKey();
        file = dir.resolve("revoked_keys");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ca", exchange -> caHandler.accept(exchange));
        server.createContext("/krl", exchange -> krlHandler.accept(exchange));
        server.start();
        caHandler = exchange -> reply(exchange, 200, (ca.toAuthorizedKeysLine() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void installsAGoodKrl_mode0644_andSaysWhat() throws IOException {
        byte[] krl = krl(ca, 3, 11L, 12L, 40L);
        serveKrl(krl);

        assertThat(run("krl", "--output", file.toString())).isEqualTo(0);

        assertThat(Files.readAllBytes(file)).isEqualTo(krl);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("installed KRL version 3 (3 revoked serials, CA "
                + ca.fingerprint() + ")");
        assertThat(leftovers()).containsExactly("revoked_keys");
    }

    @Test
    void aNewerKrlReplacesTheOld_andTheSameOneIsUnchanged_json() throws IOException {
        Files.write(file, krl(ca, 3, 11L));
        byte[] newer = krl(ca, 4, 11L, 12L);
        serveKrl(newer);

        assertThat(run("krl", "-o", file.toString(), "--json")).isEqualTo(0);
        assertThat(Files.readAllBytes(file)).isEqualTo(newer);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"version\": 4", "\"revokedSerials\": 2",
                "\"changed\": true");

        out.reset();
        assertThat(run("krl", "-o", file.toString(), "--json")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"changed\": false");
    }

    @Test
    void aCorruptInstalledFileIsReplacedByAGoodKrl() throws IOException {
        Files.write(file, "garbage".getBytes(StandardCharsets.UTF_8));
        byte[] krl = krl(ca, 1);
        serveKrl(krl);

        assertThat(run("krl", "--output", file.toString())).isEqualTo(0);
        assertThat(Files.readAllBytes(file)).isEqualTo(krl);
    }

    @Test
    void anHttpError_keepsTheOldFile() throws IOException {
        byte[] old = installOld();
        krlHandler = exchange -> reply(exchange, 503, "{\"title\":\"down\"}".getBytes(StandardCharsets.UTF_8));

        assertFailsKeeping(old, "HTTP 503");
    }

    @Test
    void anHttpErrorOnTheCaKey_keepsTheOldFile() throws IOException {
        byte[] old = installOld();
        serveKrl(krl(ca, 9));
        caHandler = exchange -> reply(exchange, 404, new byte[0]);

        assertFailsKeeping(old, "HTTP 404");
    }

    @Test
    void aTruncatedDownload_shorterThanItsContentLength_keepsTheOldFile() throws IOException {
        byte[] old = installOld();
        byte[] krl = krl(ca, 9, 1L, 2L, 3L);
        krlHandler = exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, krl.length);
                OutputStream body = exchange.getResponseBody();
                body.write(krl, 0, krl.length / 2);
                body.flush();
                // Closing the exchange with bytes missing drops the connection mid-body.
            } catch (IOException expected) {
                // the server notices the short body too; the client is what this test checks
            }
        };

        assertFailsKeeping(old, "GET ");
    }

    @Test
    void aTruncatedKrl_withAMatchingContentLength_keepsTheOldFile() throws IOException {
        byte[] old = installOld();
        byte[] krl = krl(ca, 9, 1L, 2L, 3L);
        serveKrl(Arrays.copyOf(krl, krl.length - 5));

        assertFailsKeeping(old, "not installing the downloaded KRL");
    }

    @Test
    void somethingThatIsNoKrl_keepsTheOldFile() throws IOException {
        byte[] old = installOld();
        serveKrl("<html>captive portal</html>".getBytes(StandardCharsets.UTF_8));

        assertFailsKeeping(old, "not installing the downloaded KRL");
    }

    @Test
    void aKrlForAnotherCa_keepsTheOldFile() throws IOException {
        byte[] old = installOld();
        serveKrl(krl(otherCa, 9, 5L));

        assertFailsKeeping(old, "KRL is for CA " + otherCa.fingerprint());
    }

    @Test
    void anOlderKrl_keepsTheNewerFile() throws IOException {
        byte[] old = installOld();
        serveKrl(krl(ca, 1, 5L));

        assertFailsKeeping(old, "older than the installed 7");
    }

    @Test
    void noServer_keepsTheOldFile() throws IOException {
        byte[] old = installOld();
        server.stop(0);

        assertFailsKeeping(old, "GET ");
    }

    @Test
    void withoutOutput_isAUsageError() {
        assertThat(run("krl")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("krl needs --output FILE");
    }

    private byte[] installOld() throws IOException {
        byte[] old = krl(ca, 7, 100L);
        Files.write(file, old);
        return old;
    }

    private void assertFailsKeeping(byte[] old, String message) throws IOException {
        assertThat(run("krl", "--output", file.toString())).isEqualTo(5);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message);
        assertThat(Files.readAllBytes(file)).isEqualTo(old);
        assertThat(KrlParser.parse(Files.readAllBytes(file)).version()).isEqualTo(7);
        assertThat(leftovers()).containsExactly("revoked_keys");
    }

    private List<String> leftovers() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private void serveKrl(byte[] bytes) {
        krlHandler = exchange -> reply(exchange, 200, bytes);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) {
        try (exchange) {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] krl(SshPublicKey caKey, long version, Long... serials) {
        return KrlBuilder.forCa(caKey).version(version).generatedAt(NOW).revokeSerials(List.of(serials)).build();
    }

    private static SshPublicKey newCaKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return SshPublicKey.fromSubjectPublicKeyInfo(generator.generateKeyPair().getPublic().getEncoded());
    }

    private int run(String... args) {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        Cli cli = new Cli(console, new Environment(Map.of(), Path.of("/nonexistent")), Clock.fixed(NOW, ZoneOffset.UTC));
        String[] all = new String[args.length + 2];
        all[0] = "--url";
        all[1] = "http://127.0.0.1:" + server.getAddress().getPort();
        System.arraycopy(args, 0, all, 2, args.length);
        return AccessMain.run(all, cli);
    }
}
