package dev.airlock.core.notify;

import dev.airlock.domain.error.InvalidRequestException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a notification routing file (docs/NOTIFICATIONS.md). Strict like the role file: an unknown key,
 * an unknown event type or target kind, a route to an undefined target, or a name that is not a plain
 * name is refused with code {@value #CODE}, naming the field, so a typo never silences an alert — and no
 * field can hold a URL or key (those are secrets, named here only).
 */
public final class NotificationConfigParser {

    public static final String CODE = "invalid_notification_file";
    /** Matches every event type in a route. */
    public static final String ALL_EVENTS = "*";
    /** Largest file accepted, in code points. */
    public static final int MAX_CODE_POINTS = 100_000;

    private NotificationConfigParser() {
    }

    /** @throws InvalidRequestException code {@value #CODE} on any problem */
    public static NotificationConfig parse(String yaml) {
        Map<?, ?> root = mapping(load(yaml), "the file");
        keys(root, "the file", Set.of("targets", "routes"));
        Map<String, NotificationTarget> targets = new LinkedHashMap<>();
        Map<?, ?> targetMap = root.get("targets") == null ? Map.of() : mapping(root.get("targets"), "targets");
        for (Map.Entry<?, ?> entry : targetMap.entrySet()) {
            String name = name(entry.getKey(), "targets");
            targets.put(name, target(name, mapping(entry.getValue(), "targets." + name)));
        }
        List<NotificationConfig.Route> routes = new ArrayList<>();
        List<?> routeList = root.get("routes") == null ? List.of() : list(root.get("routes"), "routes");
        for (int i = 0; i < routeList.size(); i++) {
            routes.add(route(mapping(routeList.get(i), "routes[" + i + "]"), "routes[" + i + "]", targets));
        }
        return new NotificationConfig(targets, routes);
    }

    private static Object load(String yaml) {
        LoadSettings settings = LoadSettings.builder().setLabel("notifications").setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false).setCodePointLimit(MAX_CODE_POINTS).build();
        try {
            return new Load(settings).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw invalid("invalid YAML: " + e.getMessage());
        }
    }

    private static NotificationTarget target(String name, Map<?, ?> fields) {
        String path = "targets." + name;
        keys(fields, path, Set.of("type", "url_secret", "signing_secret"));
        String type = string(fields.get("type"), path + ".type");
        NotificationTarget.Kind kind = switch (type) {
            case "webhook" -> NotificationTarget.Kind.WEBHOOK;
            case "slack" -> NotificationTarget.Kind.SLACK;
            default -> throw invalid(path + ".type: '" + type + "' is not webhook or slack");
        };
        String url = name(fields.get("url_secret"), path + ".url_secret");
        Optional<String> signing = Optional.ofNullable(fields.get("signing_secret"))
                .map(s -> name(s, path + ".signing_secret"));
        if (kind == NotificationTarget.Kind.WEBHOOK && signing.isEmpty()) {
            throw invalid(path + ".signing_secret: a webhook target needs the name of its HMAC key's secret");
        }
        if (kind == NotificationTarget.Kind.SLACK && signing.isPresent()) {
            throw invalid(path + ".signing_secret: a Slack target is not signed");
        }
        return new NotificationTarget(name, kind, url, signing);
    }

    private static NotificationConfig.Route route(Map<?, ?> fields, String path,
                                                  Map<String, NotificationTarget> targets) {
        keys(fields, path, Set.of("events", "targets"));
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        for (Object event : nonEmptyList(fields.get("events"), path + ".events")) {
            String text = string(event, path + ".events");
            if (ALL_EVENTS.equals(text)) {
                events.addAll(EnumSet.allOf(EventType.class));
            } else {
                events.add(EventType.of(text).orElseThrow(() -> invalid(path + ".events: unknown event type '"
                        + text + "'")));
            }
        }
        List<String> names = new ArrayList<>();
        for (Object target : nonEmptyList(fields.get("targets"), path + ".targets")) {
            String name = name(target, path + ".targets");
            if (!targets.containsKey(name)) {
                throw invalid(path + ".targets: no target named '" + name + "'");
            }
            names.add(name);
        }
        return new NotificationConfig.Route(events, names);
    }

    private static void keys(Map<?, ?> map, String path, Set<String> allowed) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String k) || !allowed.contains(k)) {
                throw invalid(path + ": unknown field '" + key + "' (allowed: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static Map<?, ?> mapping(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw invalid(path + ": expected a mapping");
    }

    private static List<?> list(Object value, String path) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw invalid(path + ": expected a list");
    }

    private static List<?> nonEmptyList(Object value, String path) {
        List<?> list = list(value, path);
        if (list.isEmpty()) {
            throw invalid(path + ": must not be empty");
        }
        return list;
    }

    private static String string(Object value, String path) {
        if (value instanceof String s) {
            return s;
        }
        throw invalid(path + ": expected a string");
    }

    private static String name(Object value, String path) {
        String s = string(value, path);
        if (!NotificationTarget.NAME.matcher(s).matches()) {
            // never echo the value: a pasted URL or key must not reach an error message or a log
            throw invalid(path + ": not a name (letters, digits, '.', '_', '-'; at most 64)");
        }
        return s;
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(CODE, "notification file: " + message);
    }
}
