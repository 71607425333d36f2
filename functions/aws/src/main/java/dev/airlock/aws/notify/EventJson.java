package dev.airlock.aws.notify;

import dev.airlock.core.notify.NotificationEvent;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Optional;

/**
 * The webhook body: one JSON object in the schema of docs/NOTIFICATIONS.md ({@code schema} 1). Every key
 * is always present, in this order; an absent value is {@code null}. Times are ISO-8601 UTC.
 */
public final class EventJson {

    /** The schema version receivers can check; a new field keeps it, a changed meaning bumps it. */
    public static final int SCHEMA = 1;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private EventJson() {
    }

    /** The body, UTF-8 JSON text. */
    public static String render(NotificationEvent event) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("type", event.type().wire());
        root.put("audience", event.type().audience().wire());
        root.put("priority", event.type().priority().wire());
        root.put("id", event.id());
        root.put("user", event.user());
        ArrayNode roles = root.putArray("roles");
        event.roles().forEach(roles::add);
        root.put("reason", event.reason());
        root.put("state", event.state());
        root.put("actor", event.actor());
        root.put("comment", event.comment().orElse(null));
        root.put("serial", event.serial().orElse(null));
        ObjectNode times = root.putObject("times");
        times.put("occurredAt", event.times().occurredAt().toString());
        times.put("createdAt", event.times().createdAt().toString());
        times.put("accessExpiresAt", text(event.times().accessExpiresAt()));
        times.put("postReviewDueAt", text(event.times().postReviewDueAt()));
        root.put("review", event.review());
        ObjectNode key = root.putObject("idempotencyKey");
        key.put("chain", event.key().chain());
        key.put("seq", event.key().seq());
        return JSON.writeValueAsString(root);
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
