package dev.airlock.local;

import dev.airlock.ssh.SshPublicKey;
import dev.airlock.ssh.testing.SshKeygen;
import dev.airlock.ssh.testing.SshdFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's scenario, end to end over HTTP through the local gateway: bob (contractors) requests
 * {@code dba} with a reason, alice (dba-reviewers) finds it in her queue and approves it, bob gets a
 * certificate, and a real OpenSSH sshd trusting the CA from {@code GET /ca} lets him in as {@code dba}
 * — while a certificate for bob's base roles alone is refused.
 */
class TeleportScenarioIT {

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
    void bobRequestsDba_aliceApproves_bobLogsInToARealSshdAsDba(@TempDir Path keys) throws Exception {
        String bob = api.token("bob");
        String alice = api.token("alice");
        SshKeygen.GeneratedKey bobKey = SshKeygen.generate(keys, "bob", "ed25519", 0);

        // bob: tsh login --request-roles=dba --request-reason="INC-4211"
        Api.Reply created = api.postJson("/requests", bob,
                "{\"roles\": [\"dba\"], \"reason\": \"INC-4211: slow queries\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.json().path("state").asString()).isEqualTo("PENDING");
        assertThat(created.json().path("user").asString()).isEqualTo("bob");

        // alice: tctl request ls — the pending request is in her queue
        Api.Reply queue = api.get("/requests?state=PENDING", alice);
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        queue.json().path("items").values().forEach(item -> ids.add(item.path("id").asString()));
        assertThat(ids).contains(id);

        // alice: tctl request approve
        Api.Reply approved = api.review(alice, id, "APPROVE", "ok for the incident");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");

        // bob: a certificate for the approved request
        Api.Reply signed = api.sign(bob, Files.readString(bobKey.publicKeyFile()).trim(), id);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        JsonNode certificate = signed.json();
        List<String> principals = new ArrayList<>();
        certificate.path("principals").values().forEach(p -> principals.add(p.asString()));
        assertThat(principals).contains("dba");
        assertThat(certificate.path("keyId").asString()).contains("bob").contains(id);
        Path certificateFile = keys.resolve("bob-cert.pub");
        Files.writeString(certificateFile, certificate.path("certificate").asString() + "\n");

        // and one for bob's base roles only (no request): no dba in it
        Api.Reply base = api.sign(bob, Files.readString(bobKey.publicKeyFile()).trim(), null);
        assertThat(base.status()).as(base.toString()).isEqualTo(201);
        Path baseFile = keys.resolve("bob-base-cert.pub");
        Files.writeString(baseFile, base.json().path("certificate").asString() + "\n");

        // the CA line sshd trusts
        Api.Reply ca = api.get("/ca", bob);
        assertThat(ca.status()).isEqualTo(200);
        SshPublicKey caKey = SshPublicKey.parse(ca.body().trim());

        try (SshdFixture sshd = SshdFixture.start(List.of(caKey), List.of("dba"))) {
            SshdFixture.LoginResult login = sshd.login(bobKey.privateKey(), certificateFile, "echo airlock-dba-ok");
            assertThat(login.exitCode()).as(login.stderr() + sshd.log()).isZero();
            assertThat(login.stdout().trim()).isEqualTo("airlock-dba-ok");
            assertThat(sshd.log()).contains("Accepted certificate ID \"" + certificate.path("keyId").asString() + "\"");

            SshdFixture.LoginResult refused = sshd.login(bobKey.privateKey(), baseFile, "echo airlock-dba-ok");
            assertThat(refused.exitCode()).isEqualTo(255);
            assertThat(refused.stdout()).doesNotContain("airlock-dba-ok");
        }

        // every step left its audit record on the request's chain: created, approved, certificate
        TableSnapshot audit = local.audit();
        assertThat(audit.countWhere("chain", "request#" + id)).isEqualTo(3);
        assertThat(audit.countWhere("action", "request.created")).isEqualTo(1);
        assertThat(audit.countWhere("action", "review.approved")).isEqualTo(1);
        assertThat(audit.countWhere("action", "certificate.issued")).isEqualTo(2);
    }
}
