package dev.airlock.cli.text;

import dev.airlock.cli.sso.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code access status} as people read it, from {@code GET /me} (docs/API.md), the approved requests
 * and the signed-in session if one is in use. Every line is escaped here: names, groups and roles come
 * from the token and the server.
 */
public final class StatusText {

    private static final int LABEL_WIDTH = 15;

    private StatusText() {
    }

    public static List<String> lines(String url, ObjectNode me, List<ObjectNode> approved, Optional<Session> session,
                                     String credentialOrigin) {
        List<String> lines = new ArrayList<>();
        lines.add(TerminalText.escape("> Airlock:       " + url));
        lines.add(line("Signed in as:", RequestText.text(me, "user")));
        lines.add(line("Groups:", orNone(RequestText.strings(me.get("groups")))));
        lines.add(line("Base roles:", baseRoles(me)));
        lines.add(line("Logins:", logins(me)));
        lines.add(line("May request:", orNone(RequestText.strings(me.get("requestableRoles")))));
        lines.add(line("May review:", orNone(RequestText.strings(me.get("reviewableRoles")))));
        lines.add(line("Access:", approved.isEmpty() ? "no approved request" : String.join("; ", access(approved))));
        if (session.isPresent()) {
            Session s = session.get();
            lines.add(line("Issuer:", s.deployment().issuer()));
            lines.add(line("Session ends:", Times.minuteUtc(s.expiresAt().toString())
                    + (s.refreshToken().isPresent() ? " (renewed with the refresh token while the provider allows)"
                    : " (then sign in again)")));
        } else {
            lines.add(line("Credentials:", credentialOrigin + " (no signed-in session in use)"));
        }
        return lines;
    }

    /** {@code contractor (logins contractor; certificates up to 8h)}, one per role. */
    private static String baseRoles(JsonNode me) {
        List<String> roles = new ArrayList<>();
        for (JsonNode role : RequestText.list(me.get("baseRoles"))) {
            String ttl = RequestText.text(role, "maxSessionTtl");
            roles.add(RequestText.text(role, "name") + " (logins " + orNone(RequestText.strings(role.get("logins")))
                    + (ttl.isEmpty() ? "" : "; certificates up to " + ttl) + ")");
        }
        return roles.isEmpty() ? "(none: your token's claims map to no role)" : String.join(", ", roles);
    }

    /** What a certificate without a request would carry, or why there is none. */
    private static String logins(JsonNode me) {
        if (!me.path("baseCertificate").asBoolean(false)) {
            return "(no certificate without an approved request)";
        }
        String ttl = RequestText.text(me, "maxSessionTtl");
        return String.join(", ", RequestText.strings(me.get("principals")))
                + " (certificate without a request" + (ttl.isEmpty() ? "" : ", up to " + ttl) + ")";
    }

    private static List<String> access(List<ObjectNode> approved) {
        List<String> lines = new ArrayList<>();
        for (ObjectNode request : approved) {
            String until = Json.text(request, "accessExpiresAt").map(Times::minuteUtc).map(t -> " until " + t).orElse("");
            lines.add(String.join(",", RequestText.strings(request.get("roles"))) + " (request "
                    + RequestText.prefix(RequestText.text(request, "id")) + until + ")");
        }
        return lines;
    }

    private static String orNone(List<String> values) {
        return values.isEmpty() ? "(none)" : String.join(", ", values);
    }

    private static String line(String label, String value) {
        return "  " + label + " ".repeat(Math.max(1, LABEL_WIDTH - label.length())) + TerminalText.escape(value);
    }
}
