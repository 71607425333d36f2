package dev.airlock.local;

import dev.airlock.ssh.Krl;
import dev.airlock.ssh.KrlCheck;
import dev.airlock.ssh.SshPublicKey;
import dev.airlock.ssh.testing.SshKeygen;
import dev.airlock.ssh.testing.SshdFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revocation end to end over HTTP through the local gateway (issue 15): bob's approved request and a
 * certificate; a real sshd whose {@code RevokedKeys} holds the KRL fetched from {@code GET /krl}
 * without a token (as a host's timer does, checked with {@link KrlCheck} before it is installed);
 * login works; bob revokes the request; the next sync refuses the login; a certificate for a
 * different approved request still logs in.
 */
class RevocationScenarioIT {

    private static LocalAirlockFixture local;
    private static Api api;

    @BeforeAll
    static void start() {
        local = LocalAirlockFixture.start(Clock.systemUTC());
        api = local.api();
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void revokedRequest_isRefusedBySshdAfterTheNextKrlSync(@TempDir Path keys) throws Exception {
        String bob = api.token("bob");
        String alice = api.token("alice");
        SshKeygen.GeneratedKey bobKey = SshKeygen.generate(keys, "bob", "ed25519", 0);
        String publicKey = Files.readString(bobKey.publicKeyFile()).trim();
        String first = approvedRequest(bob, alice, "INC-15: first");
        Path firstCertificate = certificate(bob, publicKey, first, keys.resolve("first-cert.pub"));

        Api.Reply ca = api.getWithoutToken("/ca");
        assertThat(ca.status()).as(ca.toString()).isEqualTo(200);
        SshPublicKey caKey = SshPublicKey.parse(ca.body().trim());
        Krl before = syncedKrl(caKey);

        try (SshdFixture sshd = SshdFixture.startWithRevokedKeys(List.of(caKey), List.of("dba"), krlBytes(caKey))) {
            assertLogsIn(sshd, bobKey, firstCertificate);

            Api.Reply revoked = api.postJson("/requests/" + first + "/revocation", bob, Map.of("reason", "done early"));
            assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
            assertThat(revoked.json().path("state").asString()).isEqualTo("REVOKED");

            byte[] next = krlBytes(caKey); // the host's next sync
            Files.write(sshd.revokedKeysFile(), next);
            assertThat(KrlCheck.requireUsable(next, caKey).version()).isGreaterThan(before.version());

            SshdFixture.LoginResult refused = sshd.login(bobKey.privateKey(), firstCertificate, "echo airlock-ok");
            assertThat(refused.exitCode()).isEqualTo(255);
            assertThat(refused.stdout()).doesNotContain("airlock-ok");
            assertThat(sshd.log()).contains("revoked");

            String second = approvedRequest(bob, alice, "INC-16: second");
            Path secondCertificate = certificate(bob, publicKey, second, keys.resolve("second-cert.pub"));
            assertLogsIn(sshd, bobKey, secondCertificate);
        }
        TableSnapshot audit = local.audit();
        assertThat(audit.countWhere("action", "request.revoked")).isEqualTo(1);
    }

    @Test
    void krlAndCa_needNoToken_butRevocationDoes() {
        Api.BinaryReply krl = api.getBytesWithoutToken("/krl");
        assertThat(krl.status()).isEqualTo(200);
        assertThat(krl.header("Content-Type")).contains("application/octet-stream");
        assertThat(krl.header("Cache-Control")).contains("public, max-age=60");

        Api.Reply anonymous = api.post("/requests/00000000-0000-4000-8000-000000000000/revocation", null,
                "application/json", "{}");
        assertThat(anonymous.isProblem(401)).as(anonymous.toString()).isTrue();
    }

    private static String approvedRequest(String bob, String alice, String reason) {
        String id = api.createRequest(bob, List.of("dba"), reason);
        Api.Reply approved = api.review(alice, id, "APPROVE", "ok");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return id;
    }

    private static Path certificate(String bob, String publicKey, String requestId, Path file) throws Exception {
        Api.Reply signed = api.sign(bob, publicKey, requestId);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        Files.writeString(file, signed.json().path("certificate").asString() + "\n");
        return file;
    }

    /** What a host sync does before installing: fetch without a token, then check the KRL is whole and ours. */
    private static byte[] krlBytes(SshPublicKey caKey) {
        Api.BinaryReply reply = api.getBytesWithoutToken("/krl");
        assertThat(reply.status()).isEqualTo(200);
        KrlCheck.requireUsable(reply.body(), caKey);
        return reply.body();
    }

    private static Krl syncedKrl(SshPublicKey caKey) {
        return KrlCheck.requireUsable(krlBytes(caKey), caKey);
    }

    private static void assertLogsIn(SshdFixture sshd, SshKeygen.GeneratedKey key, Path certificate) {
        SshdFixture.LoginResult login = sshd.login(key.privateKey(), certificate, "echo airlock-ok");
        assertThat(login.exitCode()).as(login.stderr() + sshd.log()).isZero();
        assertThat(login.stdout().trim()).isEqualTo("airlock-ok");
    }
}
