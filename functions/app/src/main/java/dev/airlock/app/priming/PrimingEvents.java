package dev.airlock.app.priming;

import dev.airlock.core.api.gateway.HttpApiEvent;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The API Gateway v2 events priming sends (built by the one {@link HttpApiEvent}), on ids that exist nowhere. They carry no token (and no
 * authorizer claims): through the Lambda path the function refuses them with 401; below the verifier
 * {@link Priming} supplies the caller itself.
 */
final class PrimingEvents {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** A random id: no request has it, so every route that looks it up answers 404 before writing. */
    static String unknownId() {
        return UUID.randomUUID().toString();
    }

    /**
     * @param routeKey e.g. {@code DELETE /requests/{id}}
     * @param id       the {@code {id}} path parameter, or null for routes without one
     * @param body     a JSON body, or null
     */
    byte[] http(String routeKey, String id, Map<String, ?> body) {
        String template = routeKey.substring(routeKey.indexOf(' ') + 1);
        HttpApiEvent event = HttpApiEvent.of(routeKey, id == null ? template : template.replace("{id}", id))
                .header("user-agent", "airlock-priming")
                .received(Instant.now(), "priming-" + UUID.randomUUID());
        if (id != null) {
            event.pathParameters(Map.of("id", id));
        }
        if (body != null) {
            event.jsonBody(JSON.writeValueAsString(body));
        }
        return JSON.writeValueAsBytes(event.build());
    }
}
