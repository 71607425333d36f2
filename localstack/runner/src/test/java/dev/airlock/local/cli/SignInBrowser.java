package dev.airlock.local.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * TEST ONLY: the person at the browser. {@code access} opens {@code $BROWSER URL}; here that is a script
 * that writes the URL to a file, and this class reads it, opens the provider's sign-in page, presses a
 * demo user's button and follows (or tampers with) the redirect back to the CLI's loopback listener.
 */
final class SignInBrowser {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");
    private static final Pattern POST_FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\">");

    private final Path urlFile;
    private final Path script;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private SignInBrowser(Path urlFile, Path script) {
        this.urlFile = urlFile;
        this.script = script;
    }

    static SignInBrowser in(Path directory) {
        try {
            Path urlFile = directory.resolve("opened-url");
            Path script = directory.resolve("browser");
            Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$1\" > '" + urlFile + ".tmp' && mv '" + urlFile
                    + ".tmp' '" + urlFile + "'\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            return new SignInBrowser(urlFile, script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For {@code BROWSER}. */
    String command() {
        return script.toString();
    }

    /** The URL the CLI opened (waits for it; bounded only as a hang guard); the file is consumed. */
    URI awaitOpenedUrl() {
        long deadline = System.nanoTime() + AccessCli.HANG_GUARD.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (Files.exists(urlFile)) {
                    String url = Files.readString(urlFile).strip();
                    Files.delete(urlFile);
                    return URI.create(url);
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("the CLI opened no browser within " + AccessCli.HANG_GUARD);
    }

    /** Opens {@code page} (the authorization or verification URL), presses {@code demoUser}'s button; the answer. */
    HttpResponse<String> signInAs(URI page, String demoUser) {
        HttpResponse<String> shown = send(HttpRequest.newBuilder(page).GET());
        if (shown.statusCode() != 200) {
            throw new AssertionError("sign-in page not shown: " + shown.statusCode() + " " + shown.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(shown.body());
        while (hidden.find()) {
            form.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        form.put("demo_user", demoUser);
        Matcher action = POST_FORM.matcher(shown.body());
        if (!action.find()) {
            throw new AssertionError("no sign-in form in " + shown.body());
        }
        return send(HttpRequest.newBuilder(page.resolve(unescape(action.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** The provider's redirect after signing in as {@code demoUser} at {@code authorizationUrl}. */
    URI redirectAfterSignIn(URI authorizationUrl, String demoUser) {
        HttpResponse<String> answer = signInAs(authorizationUrl, demoUser);
        return URI.create(answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no redirect after sign-in: " + answer.statusCode() + " " + answer.body())));
    }

    /** Follows a redirect to the CLI's loopback listener; its status. */
    int deliver(URI callback) {
        return send(HttpRequest.newBuilder(callback).GET()).statusCode();
    }

    /** {@code uri} with its query parameters replaced by {@code parameters}. */
    static URI withQuery(URI uri, Map<String, String> parameters) {
        String base = uri.toString();
        int question = base.indexOf('?');
        return URI.create((question < 0 ? base : base.substring(0, question)) + "?" + encode(parameters));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#96;", "`").replace("&amp;", "&");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
