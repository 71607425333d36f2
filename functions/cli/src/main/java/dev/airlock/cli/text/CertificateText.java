package dev.airlock.cli.text;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Certificates ({@code GET /certificates}, docs/API.md) as {@code access cert ls} prints them. Every
 * value from the server is escaped here, cell by cell, before it is padded, so columns line up with
 * what the terminal shows.
 */
public final class CertificateText {

    private static final List<String> HEADER = List.of("SERIAL", "PRINCIPALS", "VALID FROM (UTC)", "VALID UNTIL (UTC)",
            "ISSUED FOR", "STATE");

    private CertificateText() {
    }

    /** The table, header first; each line ready to print. */
    public static List<String> table(List<ObjectNode> certificates) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ObjectNode c : certificates) {
            rows.add(List.of(RequestText.text(c, "serial"), String.join(",", RequestText.strings(c.get("principals"))),
                    Times.minute(RequestText.text(c, "validAfter")), Times.minute(RequestText.text(c, "validBefore")),
                    issuedFor(c), RequestText.text(c, "state")).stream().map(TerminalText::escape).toList());
        }
        return Columns.lines(rows);
    }

    /** {@code request bc8ca931} or {@code base roles contractor}. */
    static String issuedFor(JsonNode c) {
        String requestId = RequestText.text(c, "requestId");
        return requestId.isEmpty() ? "base roles " + String.join(",", RequestText.strings(c.get("roles")))
                : "request " + RequestText.prefix(requestId);
    }
}
