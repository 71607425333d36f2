package dev.airlock.cli.text;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Access requests (docs/API.md representation) as people read them: the {@code request ls} table and
 * the {@code request show} page. Every value from the server is escaped here, cell by cell, before
 * it is padded, so the columns line up with what the terminal shows.
 */
public final class RequestText {

    /** Longest reason shown in the table; show prints it whole. */
    static final int REASON_WIDTH = 40;
    private static final int LABEL_WIDTH = 14;
    private static final List<String> HEADER = List.of("ID", "REQUESTOR", "ROLES", "REASON", "CREATED (UTC)", "STATE");

    private RequestText() {
    }

    /** The table, header first; each line ready to print. */
    public static List<String> table(List<ObjectNode> requests) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ObjectNode request : requests) {
            rows.add(List.of(cell(prefix(text(request, "id"))), cell(text(request, "user")),
                    cell(String.join(",", strings(request.get("roles")))),
                    cell(cut(oneLine(text(request, "reason")), REASON_WIDTH)),
                    cell(Times.minute(text(request, "createdAt"))), cell(text(request, "state"))));
        }
        return Columns.lines(rows);
    }

    /** The show page. */
    public static List<String> show(ObjectNode r) {
        List<String> lines = new ArrayList<>();
        lines.add(line("ID:", text(r, "id")));
        lines.add(line("Requestor:", text(r, "user")));
        lines.add(line("Roles:", String.join(", ", strings(r.get("roles")))));
        lines.add(line("Reason:", r.hasNonNull("reason") ? oneLine(text(r, "reason")) : "-"));
        String resolution = r.hasNonNull("resolutionReason") ? " (" + oneLine(text(r, "resolutionReason")) + ")" : "";
        lines.add(line("State:", text(r, "state") + resolution));
        lines.add(line("Created:", Times.second(text(r, "createdAt"))));
        if ("PENDING".equals(text(r, "state"))) {
            lines.add(line("Pending until:", Times.second(text(r, "pendingExpiresAt"))));
        }
        String until = r.hasNonNull("accessExpiresAt") ? ", until " + Times.second(text(r, "accessExpiresAt")) : "";
        lines.add(line("Access:", (r.hasNonNull("accessDuration") ? text(r, "accessDuration") : "-") + until));
        List<JsonNode> reviews = list(r.get("reviews"));
        if (reviews.isEmpty()) {
            lines.add(line("Reviews:", "none"));
        } else {
            lines.add(line("Reviews:", ""));
            for (JsonNode review : reviews) {
                String reason = review.hasNonNull("reason") ? ": " + oneLine(text(review, "reason")) : "";
                lines.add(TerminalText.escape("  " + text(review, "verdict") + " by " + text(review, "reviewer") + " at "
                        + Times.second(text(review, "at")) + reason));
            }
        }
        List<String> serials = strings(r.get("certificateSerials"));
        lines.add(line("Certificates:", serials.isEmpty() ? "none" : String.join(", ", serials)));
        postReview(r).ifPresent(text -> lines.add(line("Break-glass:", text)));
        return lines;
    }

    /** {@code post-review due 2026-12-07 03:00:00Z (OVERDUE)} or {@code reviewed afterwards: DENY by alice}. */
    public static java.util.Optional<String> postReview(JsonNode r) {
        JsonNode p = r.get("postReview");
        if (p == null || !p.isObject()) {
            return java.util.Optional.empty();
        }
        if (p.hasNonNull("reviewedBy")) {
            String reason = p.hasNonNull("reason") && !text(p, "reason").isEmpty() ? ": " + oneLine(text(p, "reason")) : "";
            return java.util.Optional.of("reviewed afterwards: " + text(p, "verdict") + " by " + text(p, "reviewedBy")
                    + reason);
        }
        boolean overdue = p.path("overdue").asBoolean(false);
        return java.util.Optional.of("post-review due " + Times.second(text(p, "dueAt")) + (overdue ? " (OVERDUE)" : ""));
    }

    /** {@code approved request bc8ca931 (bob: dba); it is now APPROVED} (unescaped: Console escapes). */
    public static String reviewed(String verb, ObjectNode r) {
        String state = text(r, "state");
        return verb + " request " + prefix(text(r, "id")) + " (" + text(r, "user") + ": "
                + String.join(", ", strings(r.get("roles"))) + ")"
                + ("PENDING".equals(state) ? "; it stays PENDING until more reviewers agree" : "; it is now " + state)
                + (r.path("breakGlass").asBoolean(false) ? " (break-glass post-review recorded)" : "");
    }

    /** {@code withdrew request bc8ca931 (dba); it is now WITHDRAWN} (unescaped). */
    public static String withdrawn(ObjectNode r) {
        return "withdrew request " + prefix(text(r, "id")) + " (" + String.join(", ", strings(r.get("roles")))
                + "); it is now " + text(r, "state");
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.isString() ? value.asString() : value.toString();
    }

    public static List<String> strings(JsonNode array) {
        return list(array).stream().map(value -> value.isString() ? value.asString() : value.toString()).toList();
    }

    public static List<JsonNode> list(JsonNode array) {
        return array == null || !array.isArray() ? List.of()
                : StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static String line(String label, String value) {
        return label + " ".repeat(Math.max(0, LABEL_WIDTH - label.length())) + TerminalText.escape(value);
    }

    private static String cell(String value) {
        return TerminalText.escape(value);
    }

    public static String prefix(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8);
    }

    /** Tabs and line breaks become one space: a table row or a show line stays one line. */
    static String oneLine(String text) {
        return text.replaceAll("[\\t\\r\\n]+", " ");
    }

    /** At most {@code width} code points; longer text ends in "...". */
    static String cut(String text, int width) {
        if (length(text) <= width) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, width - 3)) + "...";
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
