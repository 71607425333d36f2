package dev.airlock.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review console in a real browser (headless chromium) against an in-process local Airlock: the
 * sign-in through the development provider's page, approving, the requester's view, hostile text, a
 * phone-width screen. Screenshots land in target/screenshots.
 */
class ConsoleBrowserIT {

    private static final String XSS = "<img src=x onerror=\"window.pwned=1;document.title='pwned'\"><script>window.pwned=2</script>";
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

    /** Opens the console (which goes to the provider's sign-in page) and signs in as a demo user. */
    private static void signIn(Browser browser, String user) {
        browser.open(local.airlock().url() + "/");
        browser.waitFor(By.cssSelector("button[name='demo_user'][value='" + user + "']")).click();
        browser.waitForText(By.id("who"), "Signed in as " + user);
    }

    @Test
    void aliceApprovesBobsRequestInThreeClicksAndBobSeesTheCommand() {
        String id = api.createRequest(api.token("bob"), List.of("dba"), "INC-4211: slow queries");
        try (Browser browser = Browser.start(1024, 800)) {
            signIn(browser, "alice");                                               // click 1
            WebElement card = browser.waitFor(By.cssSelector("section.card[aria-label='Request by bob']"));
            assertThat(card.getText()).contains("INC-4211: slow queries", "dba", "0 of 1 approval");
            browser.screenshot("console-review");
            card.findElement(By.xpath(".//button[text()='Approve']")).click();      // click 2
            browser.waitFor(By.xpath("//button[text()='Confirm approval']")).click(); // click 3
            browser.waitForText(By.id("status"), "now APPROVED");
            browser.waitForText(By.id("page"), "Nothing to review");
            assertThat(noCspViolations(browser)).isEmpty();
        }
        assertThat(api.get("/requests/" + id, api.token("bob")).json().path("state").asString()).isEqualTo("APPROVED");
        assertThat(api.get("/requests/" + id, api.token("bob")).json().path("reviews").get(0).path("reviewer").asString())
                .isEqualTo("alice");

        try (Browser browser = Browser.start(1024, 800)) {
            signIn(browser, "bob");
            browser.waitFor(By.id("nav-mine")).click();
            browser.waitForText(By.id("page"), "access login --request-id " + id);
            WebElement mine = browser.waitFor(By.xpath("//section[contains(@class,'card')][.//code[text()='access login --request-id " + id + "']]"));
            assertThat(mine.getText()).contains("APPROVED", "Sign in with:");
            browser.screenshot("console-mine");
            mine.findElement(By.xpath(".//button[text()='Revoke']")).click();
            browser.waitFor(By.xpath("//button[text()='Confirm revocation']")).click();
            browser.waitForText(By.id("status"), "Access revoked.");
        }
        assertThat(api.get("/requests/" + id, api.token("bob")).json().path("state").asString()).isEqualTo("REVOKED");
    }

    @Test
    void aRequestSomeoneElseResolvedMeanwhileSaysSo() {
        String id = api.createRequest(api.token("bob"), List.of("dba"), "INC-77: race");
        try (Browser browser = Browser.start(1024, 800)) {
            signIn(browser, "alice");
            WebElement card = browser.waitFor(By.xpath("//section[contains(@class,'card')][.//dd[text()='INC-77: race']]"));
            card.findElement(By.xpath(".//button[text()='Approve']")).click();
            assertThat(api.review(api.token("carol", List.of("dba-reviewers")), id, "DENY", "no").json()
                    .path("state").asString()).isEqualTo("DENIED");
            browser.waitFor(By.xpath("//button[text()='Confirm approval']")).click();
            browser.waitForText(By.cssSelector("form.confirm .error"), "Someone else resolved this request first");
            card.findElement(By.xpath(".//button[text()='Cancel']")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20)).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated(
                            By.xpath("//dd[text()='INC-77: race']")));
        }
        assertThat(api.get("/requests/" + id, api.token("bob")).json().path("reviews").size()).isEqualTo(1);
    }

    @Test
    void hostileTextInAReasonStaysText() {
        String id = api.createRequest(api.token("bob"), List.of("dba"), XSS);
        try (Browser browser = Browser.start(1024, 800)) {
            signIn(browser, "alice");
            browser.waitForText(By.id("page"), "window.pwned=2");
            assertThat(browser.driver().findElement(By.id("page")).getText()).contains(XSS);
            assertThat(browser.driver().findElements(By.cssSelector("#page img, #page script"))).isEmpty();
            assertThat(browser.script("return window.pwned === undefined && document.title")).isEqualTo("Airlock review console");
            browser.open(local.airlock().url() + "/#/request/" + id);
            assertThat(browser.driver().getCurrentUrl()).contains("#/request/");
        }
    }

    @Test
    void atPhoneWidthNothingScrollsSideways() {
        api.createRequest(api.token("bob"), List.of("dba"), "INC-9: a long reason without spaces "
                + "x".repeat(200));
        try (Browser browser = Browser.start(360, 780)) {
            signIn(browser, "alice");
            browser.waitFor(By.cssSelector("section.card"));
            assertThat(browser.script("return document.documentElement.clientWidth")).isEqualTo(360L);
            assertThat(horizontalOverflow(browser)).isLessThanOrEqualTo(0L);
            browser.screenshot("console-360px");
            browser.driver().findElement(By.xpath("(//button[text()='Approve'])[1]")).click();
            browser.waitFor(By.xpath("//button[text()='Confirm approval']"));
            assertThat(horizontalOverflow(browser)).isLessThanOrEqualTo(0L);
        }
    }

    @Test
    void signingOutForgetsTheSession() {
        try (Browser browser = Browser.start(1024, 800)) {
            signIn(browser, "alice");
            browser.driver().findElement(By.xpath("//button[text()='Sign out']")).click();
            browser.waitForText(By.id("page"), "You have signed out.");
            assertThat(browser.script("return Object.keys(localStorage).length + Object.keys(sessionStorage).length"))
                    .isEqualTo(0L);
        }
    }

    private static long horizontalOverflow(Browser browser) {
        return (Long) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    private static List<String> noCspViolations(Browser browser) {
        return browser.consoleLog().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to")).toList();
    }
}
