package dev.airlock.local;

import dev.airlock.core.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * To review in a real browser against a local Airlock whose demo roles need two approvals, on a clock
 * the test moves (the functions, the issuer and the gateway all read it): threshold progress, break-glass
 * requests awaiting their post-review, and a session that expires.
 */
class ConsoleReviewIT {

    private static final MutableClock CLOCK = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static LocalAirlockFixture local;
    private static Api api;

    @BeforeAll
    static void start() throws IOException {
        String twoApprovals = DemoConfigTest.builtIn("roles.yaml").replace("- approve: 1", "- approve: 2");
        assertThat(twoApprovals).contains("- approve: 2");
        local = LocalAirlockFixture.start(CLOCK, twoApprovals);
        api = local.api();
    }

    /** Each test starts at the present (the session test moves the clock 13 h on); times then read as "ago". */
    @BeforeEach
    void present() {
        CLOCK.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
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

    private static String carol() {
        return api.token("carol", List.of("dba-reviewers"));
    }

    @Test
    void toReviewShowsThresholdProgress_nOfM() {
        String id = api.createRequest(api.token("bob"), List.of("dba"), "INC-21: two people");
        assertThat(api.review(carol(), id, "APPROVE", "first").json().path("approvals").toString())
                .isEqualTo("{\"given\":1,\"required\":2}");
        try (Browser browser = Browser.start(1024, 800)) {
            signIn(browser, "alice");
            WebElement card = browser.waitFor(By.xpath("//section[contains(@class,'card')][.//dd[text()='INC-21: two people']]"));
            assertThat(card.getText()).contains("1 of 2 approvals");
            browser.screenshot("console-review-threshold");
            card.findElement(By.xpath(".//button[text()='Approve']")).click();
            browser.waitFor(By.xpath("//button[text()='Confirm approval']")).click();
            browser.waitForText(By.id("status"), "now APPROVED (2 of 2 approvals)");
        }
    }

    @Test
    void breakGlassAwaitingPostReviewIsFlagged_confirmApproves_revokeDenies() {
        String confirmed = breakGlass("INC-16: db down");
        String revoked = breakGlass("INC-17: disk full");
        try (Browser browser = Browser.start(1024, 900)) {
            signIn(browser, "alice");
            WebElement first = postReviewCard(browser, "INC-16: db down");
            assertThat(first.getText()).contains("Break-glass", "bob used dba without approval", "Awaiting post-review, due");
            assertThat(first.findElement(By.cssSelector("time")).getAttribute("datetime")).isNotBlank();
            browser.screenshot("console-break-glass");
            first.findElement(By.xpath(".//button[text()='Confirm (approve)']")).click();
            browser.waitFor(By.xpath("//button[text()='Confirm break-glass']")).click();
            browser.waitForText(By.id("status"), "Confirmed: bob's break-glass access.");

            WebElement second = postReviewCard(browser, "INC-17: disk full");
            second.findElement(By.xpath(".//button[text()='Revoke (deny)']")).click();
            browser.waitFor(By.cssSelector("form.confirm input")).sendKeys("not an outage");
            browser.waitFor(By.xpath("//button[text()='Deny and revoke']")).click();
            browser.waitForText(By.id("status"), "is now REVOKED");
        }
        Api.Reply one = api.get("/requests/" + confirmed, api.token("bob"));
        assertThat(one.json().path("state").asString()).isEqualTo("APPROVED");
        assertThat(one.json().path("postReview").path("verdict").asString()).isEqualTo("APPROVE");
        Api.Reply two = api.get("/requests/" + revoked, api.token("bob"));
        assertThat(two.json().path("state").asString()).isEqualTo("REVOKED");
        assertThat(two.json().path("postReview").path("reason").asString()).isEqualTo("not an outage");
    }

    private static String breakGlass(String reason) {
        Api.Reply reply = api.postJson("/requests", api.token("bob"),
                Map.of("roles", List.of("dba"), "reason", reason, "breakGlass", true));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("id").asString();
    }

    private static WebElement postReviewCard(Browser browser, String reason) {
        return browser.waitFor(By.xpath("//section[contains(@class,'break-glass')][.//dd[text()='" + reason + "']]"));
    }

    @Test
    void anExpiredSessionAsksToSignInAgain_andSigningInAgainWorks() {
        try (Browser browser = Browser.start(1024, 800)) {
            signIn(browser, "alice");
            browser.waitFor(By.xpath("//h2[text()='To review']"));
            // past the access token's 15 minutes: the console refreshes it silently and carries on
            CLOCK.advance(Duration.ofMinutes(20));
            browser.waitFor(By.id("nav-mine")).click();
            browser.waitFor(By.xpath("//h2[text()='My requests']"));
            assertThat(browser.driver().findElement(By.id("who")).getText()).contains("Signed in as alice");
            // past the provider's 12-hour sign-in session: the refresh is refused too
            CLOCK.advance(Duration.ofHours(13));
            browser.waitFor(By.id("nav-review")).click();
            browser.waitForText(By.id("page"), "Your session has expired. Sign in again.");
            assertThat(browser.driver().findElements(By.id("nav")).get(0).isDisplayed()).isFalse();
            browser.screenshot("console-session-expired");
            browser.waitFor(By.xpath("//button[text()='Sign in']")).click();
            browser.waitFor(By.cssSelector("button[name='demo_user'][value='alice']")).click();
            browser.waitForText(By.id("who"), "Signed in as alice");
            browser.waitFor(By.xpath("//h2[text()='To review']"));
        }
    }
}
