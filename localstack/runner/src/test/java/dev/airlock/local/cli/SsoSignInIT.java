package dev.airlock.local.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on end to end: {@code scripts/access} as a process against a local Airlock and its
 * development OpenID Connect provider, the browser step played over HTTP by {@link SignInBrowser}
 * ({@code BROWSER} is a script that hands the URL over). Each refused case exits 2 with a clear
 * message and caches nothing.
 */
@ExtendWith(CliAirlock.Shared.class)
class SsoSignInIT {

    private static final Pattern SEEKING = Pattern.compile("Seeking request approval\\.\\.\\. \\(id: ([0-9a-f-]{36})\\)");

    /** A fresh shell: only AIRLOCK_URL (and the test's BROWSER). */
    private static AccessCli freshShell(URI url, Path home, SignInBrowser browser) {
        return AccessCli.forHome(home).with("AIRLOCK_URL", url.toString()).with("BROWSER", browser.command());
    }

    private static Path sessions(Path home) {
        return home.resolve(".config/airlock/sessions");
    }

    private static List<Path> sessionFiles(Path home) throws IOException {
        if (!Files.isDirectory(sessions(home))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(sessions(home))) {
            return files.filter(file -> file.toString().endsWith(".json")).toList();
        }
    }

    @Test
    void login_onAFreshShell_signsBobIn_waitsForApproval_writesTheCertificate_statusShowsHim_logoutForgetsHim(
            CliAirlock airlock, @TempDir Path home, @TempDir Path browserDir) throws IOException {
        UserHome bob = UserHome.withEd25519(home);
        SignInBrowser browser = SignInBrowser.in(browserDir);
        AccessCli shell = freshShell(airlock.url(), home, browser);

        AccessCli.Running login = shell.start("login", "--request-roles=dba", "--reason", "INC-17: sign in like tsh");
        assertThat(browser.deliver(browser.redirectAfterSignIn(browser.awaitOpenedUrl(), "bob"))).isEqualTo(200);
        Matcher seeking = SEEKING.matcher(login.awaitStdoutLine(line -> line.startsWith("Seeking")));
        assertThat(seeking.matches()).isTrue();

        AccessCli.Result approve = airlock.cli(home).run("--user", "alice", "request", "approve", seeking.group(1),
                "--reason", "ok");
        assertThat(approve.exitCode()).as(approve.toString()).isZero();
        AccessCli.Result done = login.await();
        assertThat(done.exitCode()).as(done.toString()).isZero();
        assertThat(done.stderr()).contains("Signed in as bob.");
        assertThat(bob.certificate()).exists();
        assertThat(Files.readString(bob.certificate())).startsWith("ssh-ed25519-cert-v01@openssh.com ");
        assertThat(sessionFiles(home)).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sessionFiles(home).get(0))))
                .isEqualTo("rw-------");

        AccessCli.Result status = shell.run("status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).contains("Signed in as:  bob").contains("Groups:        contractors")
                .contains("Access:        dba (request " + seeking.group(1).substring(0, 8));

        AccessCli.Result logout = shell.run("logout");
        assertThat(logout.exitCode()).as(logout.toString()).isZero();
        assertThat(logout.stdout()).isEqualTo("Signed out bob from " + airlock.url() + ".\n");
        assertThat(sessionFiles(home)).isEmpty();
        AccessCli.Result after = shell.run("status");
        assertThat(after.exitCode()).isEqualTo(2);
        assertThat(after.stderr()).isEqualTo("access: error: not signed in to " + airlock.url() + ": run 'access login'\n");
        AccessCli.Result ls = shell.run("request", "ls");
        assertThat(ls.exitCode()).isEqualTo(2);
        assertThat(ls.stderr()).startsWith("access: error: not signed in: run 'access login'");
    }

    @Test
    void ssoLogin_forgedCallbackWithAnotherState_isRefused_andNothingIsCached(CliAirlock airlock, @TempDir Path home,
            @TempDir Path browserDir) throws IOException {
        SignInBrowser browser = SignInBrowser.in(browserDir);
        AccessCli.Running login = freshShell(airlock.url(), home, browser).start("sso", "login");
        URI redirect = browser.redirectAfterSignIn(browser.awaitOpenedUrl(), "bob");
        Map<String, String> forged = new LinkedHashMap<>(SignInBrowser.query(redirect));
        forged.put("state", "forged-by-another-page");
        browser.deliver(SignInBrowser.withQuery(redirect, forged));

        AccessCli.Result result = login.await();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).endsWith("access: error: refused the sign-in response: its state does not match "
                + "this sign-in's (a forged or stale redirect); nothing was stored\n");
        assertThat(sessionFiles(home)).isEmpty();
    }

    @Test
    void ssoLogin_replayedCode_isRefused(CliAirlock airlock, @TempDir Path home, @TempDir Path browserDir) throws IOException {
        SignInBrowser browser = SignInBrowser.in(browserDir);
        AccessCli shell = freshShell(airlock.url(), home, browser);
        AccessCli.Running first = shell.start("sso", "login");
        URI firstRedirect = browser.redirectAfterSignIn(browser.awaitOpenedUrl(), "bob");
        browser.deliver(firstRedirect);
        assertThat(first.await().exitCode()).isZero();
        shell.run("logout");

        AccessCli.Running second = shell.start("sso", "login");
        URI secondUrl = browser.awaitOpenedUrl();
        Map<String, String> request = SignInBrowser.query(secondUrl);
        Map<String, String> replay = new LinkedHashMap<>(SignInBrowser.query(firstRedirect));
        replay.put("state", request.get("state"));
        browser.deliver(SignInBrowser.withQuery(URI.create(request.get("redirect_uri")), replay));

        AccessCli.Result result = second.await();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).endsWith("access: error: the identity provider refused: invalid_grant "
                + "(the authorization code is unknown, expired or already used)\n");
        assertThat(sessionFiles(home)).isEmpty();
    }

    @Test
    void ssoLogin_codeIssuedForAnotherCodeChallenge_isRefused(CliAirlock airlock, @TempDir Path home,
            @TempDir Path browserDir) throws IOException {
        SignInBrowser browser = SignInBrowser.in(browserDir);
        AccessCli.Running login = freshShell(airlock.url(), home, browser).start("sso", "login");
        URI url = browser.awaitOpenedUrl();
        // An attacker's authorization request for the same redirect and state, with its own PKCE challenge:
        // the CLI's code_verifier cannot redeem the code it yields.
        Map<String, String> injected = new LinkedHashMap<>(SignInBrowser.query(url));
        injected.put("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        browser.deliver(browser.redirectAfterSignIn(SignInBrowser.withQuery(url, injected), "bob"));

        AccessCli.Result result = login.await();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).endsWith("access: error: the identity provider refused: invalid_grant "
                + "(code_verifier does not match the code_challenge (PKCE S256))\n");
        assertThat(sessionFiles(home)).isEmpty();
    }

    @Test
    void ssoLogin_tokenForAnotherAudience_isRefused(CliAirlock airlock, @TempDir Path home, @TempDir Path browserDir)
            throws IOException {
        SignInBrowser browser = SignInBrowser.in(browserDir);
        try (StubDeployment other = StubDeployment.serving(airlock.url() + "/dev", "airlock-cli", "another-api")) {
            AccessCli.Running login = freshShell(other.url(), home, browser).start("sso", "login");
            browser.deliver(browser.redirectAfterSignIn(browser.awaitOpenedUrl(), "bob"));

            AccessCli.Result result = login.await();
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr()).endsWith("access: error: the identity provider's access token did not verify "
                    + "(signature, issuer " + airlock.url() + "/dev, audience another-api, expiry): invalid_token\n");
        }
        assertThat(sessionFiles(home)).isEmpty();
    }

    @Test
    void ssoLoginHeadless_deviceFlow_signsIn(CliAirlock airlock, @TempDir Path home, @TempDir Path browserDir) {
        SignInBrowser browser = SignInBrowser.in(browserDir);
        AccessCli shell = freshShell(airlock.url(), home, browser);
        AccessCli.Running login = shell.start("sso", "login", "--headless");
        URI verification = URI.create(login.awaitStderr(Pattern.compile("or open: (\\S+)\n")));
        assertThat(browser.signInAs(verification, "alice").statusCode()).isEqualTo(200);

        AccessCli.Result result = login.await();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).containsPattern("To sign in, visit \\S+/dev/device and enter the code [A-Z]{4}-[A-Z]{4}\n");
        assertThat(result.stdout()).isEqualTo("Signed in to " + airlock.url() + " as alice.\n");
        assertThat(shell.run("status").stdout()).contains("Signed in as:  alice");
    }

    @Test
    void twoShellsRefreshingAtOnce_bothGetATokenAndTheSessionSurvives(CliAirlock airlock, @TempDir Path home,
            @TempDir Path browserDir) throws IOException {
        SignInBrowser browser = SignInBrowser.in(browserDir);
        AccessCli shell = freshShell(airlock.url(), home, browser);
        AccessCli.Running login = shell.start("sso", "login");
        browser.deliver(browser.redirectAfterSignIn(browser.awaitOpenedUrl(), "bob"));
        assertThat(login.await().exitCode()).isZero();
        Path session = sessionFiles(home).get(0);
        String before = Files.readString(session);
        // The access token "expired": each shell must refresh, and the provider's refresh tokens rotate
        // (a spent one presented again revokes the session), so only one may spend it.
        Files.writeString(session, before.replaceAll("\"expiresAt\":\"[^\"]*\"", "\"expiresAt\":\"2000-01-01T00:00:00Z\""));

        AccessCli.Running one = shell.start("request", "ls");
        AccessCli.Running two = shell.start("request", "ls");
        AccessCli.Result first = one.await();
        AccessCli.Result second = two.await();
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        AccessCli.Result third = shell.run("status");
        assertThat(third.exitCode()).as(third.toString()).isZero();
        assertThat(Files.readString(session)).doesNotContain("2000-01-01T00:00:00Z");
    }

    @Test
    void tokenVariables_takePrecedenceOverTheSession(CliAirlock airlock, @TempDir Path home, @TempDir Path browserDir)
            throws IOException {
        SignInBrowser browser = SignInBrowser.in(browserDir);
        AccessCli shell = freshShell(airlock.url(), home, browser);
        AccessCli.Running login = shell.start("sso", "login");
        browser.deliver(browser.redirectAfterSignIn(browser.awaitOpenedUrl(), "bob"));
        assertThat(login.await().exitCode()).isZero();

        String aliceToken = airlock.cli(home).run("--user", "alice", "token").stdout().strip();
        assertThat(shell.with("AIRLOCK_TOKEN", aliceToken).run("token").stdout()).isEqualTo(aliceToken + "\n");
        String sessionToken = shell.run("token").stdout().strip();
        assertThat(sessionToken).isNotEqualTo(aliceToken);
        assertThat(Files.readString(sessionFiles(home).get(0))).contains("\"accessToken\":\"" + sessionToken + "\"");
    }
}
