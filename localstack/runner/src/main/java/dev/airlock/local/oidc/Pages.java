package dev.airlock.local.oidc;

import dev.airlock.local.DemoUsers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider's HTML: the sign-in form, the device code form, and result pages. Every value that
 * came from a request or a configuration file goes through {@link Html#escape}; no page has script or
 * inline style, so the Content-Security-Policy can be {@code default-src 'none'}.
 */
final class Pages {

    static final String WARNING = "LOCAL DEVELOPMENT ONLY: anyone can sign in as anyone here. "
            + "This provider exists only in scripts/local-up; a deployed Airlock trusts a real identity provider.";

    private final DemoUsers demoUsers;

    Pages(DemoUsers demoUsers) {
        this.demoUsers = demoUsers;
    }

    /**
     * The sign-in form posting to {@code action}, carrying {@code hidden} fields (the request being
     * answered), with an error from a previous attempt and what was typed then.
     */
    String signIn(String action, String forWhat, Map<String, String> hidden, Optional<String> error,
                  String typedUser, String typedGroups) {
        StringBuilder body = new StringBuilder();
        body.append("<h2>Sign in</h2>\n<p>").append(Html.escape(forWhat)).append("</p>\n");
        error.ifPresent(message -> body.append("<p><strong>").append(Html.escape(message)).append("</strong></p>\n"));
        body.append("<form method=\"post\" action=\"").append(Html.escape(action)).append("\">\n");
        hidden.forEach((name, value) -> body.append("<input type=\"hidden\" name=\"").append(Html.escape(name))
                .append("\" value=\"").append(Html.escape(value)).append("\">\n"));
        body.append("<fieldset><legend>A demo user</legend>\n");
        demoUsers.all().forEach((user, groups) -> body.append("<button type=\"submit\" name=\"demo_user\" value=\"")
                .append(Html.escape(user)).append("\">").append(Html.escape(user)).append(" (")
                .append(Html.escape(String.join(", ", groups))).append(")</button>\n"));
        body.append("</fieldset>\n<fieldset><legend>Or any name and groups</legend>\n")
                .append("<label>User <input name=\"user\" autocomplete=\"off\" value=\"").append(Html.escape(typedUser))
                .append("\"></label>\n")
                .append("<label>Groups (comma-separated) <input name=\"groups\" autocomplete=\"off\" value=\"")
                .append(Html.escape(typedGroups)).append("\"></label>\n")
                .append("<button type=\"submit\" name=\"action\" value=\"sign_in\">Sign in</button>\n</fieldset>\n")
                .append("<p><button type=\"submit\" name=\"action\" value=\"deny\">Cancel</button></p>\n</form>\n");
        return page("Sign in", body.toString());
    }

    /** The device verification start: type the code the device shows (RFC 8628 §3.3). */
    String enterUserCode(String action, Optional<String> error) {
        StringBuilder body = new StringBuilder("<h2>Connect a device</h2>\n");
        error.ifPresent(message -> body.append("<p><strong>").append(Html.escape(message)).append("</strong></p>\n"));
        body.append("<form method=\"get\" action=\"").append(Html.escape(action)).append("\">\n")
                .append("<label>Code shown on the device <input name=\"user_code\" autocomplete=\"off\"></label>\n")
                .append("<button type=\"submit\">Continue</button>\n</form>\n");
        return page("Connect a device", body.toString());
    }

    /** A result or an error, as one escaped sentence. */
    String message(String title, String text) {
        return page(title, "<h2>" + Html.escape(title) + "</h2>\n<p>" + Html.escape(text) + "</p>\n");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n<title>" + Html.escape(title)
                + " - Airlock local development provider</title>\n</head>\n<body>\n<h1>Airlock local development provider</h1>\n"
                + "<p><strong>" + Html.escape(WARNING) + "</strong></p>\n" + body + "</body>\n</html>\n";
    }

    static List<String> authorizeFields() {
        return List.of("client_id", "redirect_uri", "response_type", "scope", "state", "nonce",
                "code_challenge", "code_challenge_method");
    }
}
