package dev.airlock.cli.command;

import dev.airlock.cli.UsageError;

import java.util.List;

/** The one request id a command takes. */
final class RequestIdArgument {

    private RequestIdArgument() {
    }

    static String single(List<String> ids, String verb) {
        if (ids == null || ids.isEmpty()) {
            throw new UsageError(verb + " needs a request id");
        }
        if (ids.size() > 1) {
            throw new UsageError(verb + " takes one request id");
        }
        return ids.get(0);
    }
}
