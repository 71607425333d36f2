package dev.airlock.cli.login;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.text.RequestText;
import dev.airlock.cli.text.Times;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** Why a request will never be approved, as one line (exit 2). */
final class RequestOutcome {

    private RequestOutcome() {
    }

    static CliException ended(ObjectNode r) {
        String id = RequestText.text(r, "id");
        String state = RequestText.text(r, "state");
        String text = switch (state) {
            case "DENIED" -> denied(r, id);
            case "EXPIRED" -> r.hasNonNull("accessExpiresAt")
                    ? "the access granted by request " + id + " ended at "
                    + Times.minuteUtc(RequestText.text(r, "accessExpiresAt")) + "; request it again"
                    : "request " + id + " expired before it was approved (it was pending until "
                    + Times.second(RequestText.text(r, "pendingExpiresAt")) + ")";
            case "WITHDRAWN" -> "request " + id + " was withdrawn";
            case "REVOKED" -> "the access granted by request " + id + " was revoked";
            default -> "request " + id + " is " + state;
        };
        return new CliException(Exit.DENIED, text);
    }

    private static String denied(ObjectNode r, String id) {
        List<JsonNode> denials = RequestText.list(r.get("reviews")).stream()
                .filter(review -> "DENY".equals(RequestText.text(review, "verdict"))).toList();
        String who = String.join(", ", denials.stream().map(review -> RequestText.text(review, "reviewer"))
                .distinct().sorted().toList());
        String why = r.hasNonNull("resolutionReason") ? RequestText.text(r, "resolutionReason")
                : denials.stream().filter(review -> review.hasNonNull("reason"))
                .map(review -> RequestText.text(review, "reason")).reduce((a, b) -> b).orElse("");
        return "request " + id + " was denied" + (who.isEmpty() ? "" : " by " + who) + (why.isEmpty() ? "" : ": " + why);
    }
}
