package dev.airlock.cli.text;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What the reply to {@code POST /requests} tells the requester (docs/API.md): the reviewers their
 * roles suggest and the roles' {@code request_prompt}. Unescaped: {@link dev.airlock.cli.Console}
 * escapes every line it prints.
 */
public final class RequestGuidance {

    private RequestGuidance() {
    }

    /** {@code suggested reviewers: alice, carol} when there are any; the prompt when set. */
    public static List<String> lines(ObjectNode created) {
        List<String> lines = new ArrayList<>();
        JsonNode reviewers = created.path("suggestedReviewers");
        if (reviewers.isArray() && !reviewers.isEmpty()) {
            lines.add("suggested reviewers: " + String.join(", ", RequestText.strings(reviewers)));
        }
        JsonNode prompt = created.path("requestPrompt");
        if (prompt.isString() && !prompt.asString().isBlank()) {
            lines.add("request prompt: " + RequestText.oneLine(prompt.asString()));
        }
        return lines;
    }
}
