package dev.airlock.local;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.request.AuditHead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Request page's audit trail in a real browser: the console recomputes every hash with WebCrypto
 * (functions/console/assets/verify.js) and must agree with Java's {@code CanonicalForm} — on an
 * untampered chain every record verifies, a record changed in the local Airlock's audit table does not,
 * and hashes Java computed over awkward text (multi-byte UTF-8, surrogate pairs, digit keys) verify.
 */
class ConsoleAuditIT {

    private static LocalAirlockFixture local;
    private static Api api;

    @BeforeAll
    static void start() {
        local = LocalAirlockFixture.start(Clock.systemUTC());
        api = local.api();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static void signIn(Browser browser, String user) {
        browser.open(local.airlock().url() + "/");
        browser.waitFor(By.cssSelector("button[name='demo_user'][value='" + user + "']")).click();
        browser.waitForText(By.id("who"), "Signed in as " + user);
    }

    /** Shows a request's page without reloading (a reload would sign out: tokens live in memory). */
    private static void openRequest(Browser browser, String id) {
        browser.script("window.location.hash = arguments[0]", "#/request/" + id);
        browser.waitFor(By.id("audit-summary"));
    }

    private static String approvedRequest(String reason) {
        String id = api.createRequest(api.token("bob"), List.of("dba"), reason);
        assertThat(api.review(api.token("alice"), id, "APPROVE", "ok").status()).isEqualTo(200);
        return id;
    }

    @Test
    void everyRecordOfAnUntamperedChainShowsVerified() {
        String id = approvedRequest("INC-5: audit trail");
        int records = api.get("/requests/" + id + "/audit", api.token("bob")).json().path("records").size();
        assertThat(records).isGreaterThanOrEqualTo(2);
        try (Browser browser = Browser.start(1024, 900)) {
            signIn(browser, "bob");
            openRequest(browser, id);
            browser.waitForText(By.id("audit-summary"), "All " + records + " records verify");
            assertThat(browser.driver().findElements(By.cssSelector("li.audit-ok"))).hasSize(records);
            assertThat(browser.driver().findElements(By.cssSelector("li.audit-bad"))).isEmpty();
            assertThat(browser.driver().findElement(By.cssSelector("li[data-seq='1']")).getText())
                    .contains("request.created", "by bob", "✓ Verified", "INC-5: audit trail");
            browser.script("document.getElementById('audit-heading').scrollIntoView()");
            browser.screenshot("console-request-audit");
        }
    }

    @Test
    void aRecordChangedInTheTableIsMarkedDoesNotVerify() {
        String id = approvedRequest("INC-6: tamper");
        Map<String, AttributeValue> key = Map.of(Tables.AUDIT_CHAIN, AttributeValue.fromS(AuditChains.forRequest(id)),
                Tables.AUDIT_SEQ, AttributeValue.fromN("1"));
        String table = local.airlock().config().auditTable();
        String actor = local.airlock().dynamoDb().getItem(b -> b.tableName(table).key(key).consistentRead(true))
                .item().get("actor").s();
        assertThat(actor).isEqualTo("bob");
        try (Browser browser = Browser.start(1024, 900)) {
            setActor(table, key, "mallory");
            signIn(browser, "bob");
            openRequest(browser, id);
            browser.waitForText(By.id("audit-summary"), "1 of ");
            assertThat(browser.driver().findElement(By.id("audit-summary")).getText()).contains("does not verify");
            String tampered = browser.driver().findElement(By.cssSelector("li[data-seq='1']")).getText();
            assertThat(tampered).contains("by mallory", "✗ Does not verify", "its content does not match its hash")
                    .doesNotContain("✓ Verified");
            assertThat(browser.driver().findElement(By.cssSelector("li[data-seq='1']")).getAttribute("class"))
                    .isEqualTo("audit-bad");
            // the next record still links to the stored hash: only the changed record is marked
            assertThat(browser.driver().findElement(By.cssSelector("li[data-seq='2']")).getText()).contains("✓ Verified");
            browser.script("document.getElementById('audit-heading').scrollIntoView()");
            browser.screenshot("console-audit-tampered");
        } finally {
            setActor(table, key, actor);
        }
        assertThat(api.get("/requests/" + id + "/audit", api.token("bob")).json().path("records").get(0)
                .path("actor").asString()).isEqualTo("bob");
    }

    private static void setActor(String table, Map<String, AttributeValue> key, String actor) {
        local.airlock().dynamoDb().updateItem(b -> b.tableName(table).key(key).updateExpression("SET #a = :a")
                .expressionAttributeNames(Map.of("#a", "actor"))
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(actor))));
    }

    /**
     * Hashes computed by Java over text where a careless canonical form would differ: lengths in UTF-8
     * bytes (é, 日本語, 🔑), keys ordered by UTF-16 code units (🔑 U+1F511 sorts before ～ U+FF5E, unlike
     * by code point) and digit keys ("10" before "9", which a JS object would reorder), an empty
     * value, separators inside values, an instant without and with a fraction. Each altered copy fails.
     */
    @Test
    void theBrowserAgreesWithJavasCanonicalFormOnAwkwardText() {
        String requestId = "0b8e5f7e-0000-4000-8000-0000000000aa";
        Map<String, Object> trail = trail(requestId);
        try (Browser browser = Browser.start(800, 600)) {
            signIn(browser, "bob"); // a console page: its CSP lets it load its own modules
            assertThat(verify(browser, trail)).isEqualTo("true,true,true head=true");

            List<Map<String, Object>> records = records(trail);
            Map<String, String> details = details(records.get(1));
            details.put("reason", details.get("reason").replace("café", "cafe"));
            assertThat(verify(browser, trail)).isEqualTo("true,false,true head=true");
            details.put("reason", details.get("reason").replace("cafe", "café"));
            assertThat(verify(browser, trail)).isEqualTo("true,true,true head=true");

            records.get(2).put("at", "2026-12-31T23:59:59.999000Z"); // the same instant, written otherwise
            assertThat(verify(browser, trail)).isEqualTo("true,true,false head=true");
            records.get(2).put("at", "2026-12-31T23:59:59.999Z");

            records.remove(2); // the chain's end removed: every record still verifies, the head does not
            assertThat(verify(browser, trail)).isEqualTo("true,true head=false");
        }
    }

    private static Map<String, Object> trail(String requestId) {
        String chain = AuditChains.forRequest(requestId);
        List<Map<String, String>> details = List.of(Map.of(),
                Map.of("reason", "naïve café 日本語 🔑", "10", "ten", "9", "nine", "B", "upper", "a", "lower",
                        "～", "fullwidth tilde", "🔑", "key", "ä", "umlaut"),
                Map.of("empty", "", "fake", "3:abc\n4:defg\n", "roles", "dba"));
        List<Instant> ats = List.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00.100Z"),
                Instant.parse("2026-12-31T23:59:59.999Z"));
        AuditHead head = AuditHead.GENESIS;
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            AuditRecord record = AuditRecord.next(head, chain, ats.get(i), i == 1 ? "ålice" : "bob",
                    AuditAction.REQUEST_CREATED, details.get(i));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("chain", record.chain());
            json.put("seq", record.seq());
            json.put("at", record.at().toString());
            json.put("actor", record.actor());
            json.put("action", record.action());
            json.put("details", new LinkedHashMap<>(record.details()));
            json.put("prevHash", record.prevHash());
            json.put("hash", record.hash());
            records.add(json);
            head = record.head();
        }
        assertThat(records.get(0).get("at")).isEqualTo("2026-01-01T00:00:00Z");
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("requestId", requestId);
        trail.put("head", Map.of("seq", head.seq(), "hash", head.hash()));
        trail.put("records", records);
        return trail;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Map<String, Object> trail) {
        return (List<Map<String, Object>>) trail.get("records");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> details(Map<String, Object> record) {
        return (Map<String, String>) record.get("details");
    }

    /** verify.js's verdicts on {@code trail}, e.g. {@code "true,false head=true"}. */
    private static String verify(Browser browser, Map<String, Object> trail) {
        return String.valueOf(browser.driver().executeAsyncScript("""
                const [json, done] = arguments;
                import('/assets/verify.js')
                  .then((m) => m.verifyTrail(JSON.parse(json)))
                  .then((r) => done(r.results.map((x) => x.ok).join(',') + ' head=' + r.headOk))
                  .catch((e) => done('error: ' + e));
                """, Api.JSON.writeValueAsString(trail)));
    }
}
