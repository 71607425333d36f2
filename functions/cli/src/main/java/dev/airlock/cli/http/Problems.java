package dev.airlock.cli.http;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.text.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/** HTTP errors as the CLI reports them: the exit code for a status and the server's explanation. */
public final class Problems {

    private static final int SNIPPET = 200;

    private Problems() {
    }

    /** The exit code for an HTTP error status (docs/CLI.md "Exit codes"). */
    public static int exitCode(int status) {
        if (status == 401 || status == 403) {
            return Exit.DENIED;
        }
        if (status == 404) {
            return Exit.NOT_FOUND;
        }
        if (status == 409) {
            return Exit.CONFLICT;
        }
        return status / 100 == 4 ? Exit.USAGE : Exit.UNAVAILABLE;
    }

    /** The failure for an HTTP error answer: its exit code and the problem's explanation. */
    public static CliException failure(Response response) {
        return new CliException(exitCode(response.status()), text(response));
    }

    /**
     * The server's explanation, one line: an RFC 9457 problem's {@code detail} (or {@code title}); a
     * 500 only by its correlation id; otherwise the status and the start of the body.
     */
    public static String text(Response response) {
        Optional<String> explained = response.jsonObject().flatMap(Problems::explanation);
        if (explained.isPresent()) {
            return explained.get();
        }
        String body = response.body() == null ? "" : response.body();
        String first = body.substring(0, Math.min(SNIPPET, body.length())).replace("\r", "").lines()
                .findFirst().orElse("");
        return "HTTP " + response.status() + (body.isEmpty() ? "" : ": " + first);
    }

    private static Optional<String> explanation(ObjectNode problem) {
        JsonNode status = problem.get("status");
        Optional<String> correlation = Json.text(problem, "correlationId");
        if (status != null && status.asInt() == 500 && correlation.isPresent()) {
            return Optional.of("the server failed (correlation id " + correlation.get() + ")");
        }
        return Json.text(problem, "detail").or(() -> Json.text(problem, "title"))
                .map(text -> text.lines().findFirst().orElse(""));
    }
}
