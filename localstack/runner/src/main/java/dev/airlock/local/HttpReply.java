package dev.airlock.local;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A complete HTTP response the gateway writes: status, headers, body. */
record HttpReply(int status, Map<String, List<String>> headers, byte[] body) {

    HttpReply {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }
}
