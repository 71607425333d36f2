package dev.airlock.cli.http;

import dev.airlock.cli.text.Json;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Optional;

/** One HTTP answer: status, body, the Retry-After header when present, and the URI it came from. */
public record Response(URI uri, int status, String body, Optional<String> retryAfter) {

    public boolean ok() {
        return status / 100 == 2;
    }

    public Optional<ObjectNode> jsonObject() {
        return Json.parseObject(body);
    }
}
