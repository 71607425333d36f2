package dev.airlock.core.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The notification routing in force: named targets, and which event types go to which of them.
 *
 * @param targets by name
 * @param routes  event types to target names; every name is in {@code targets}
 */
public record NotificationConfig(Map<String, NotificationTarget> targets, List<Route> routes) {

    /** No targets, no routes: nothing is sent (before the first {@code notifications apply}). */
    public static final NotificationConfig NONE = new NotificationConfig(Map.of(), List.of());

    /** One route: these event types go to these targets. */
    public record Route(Set<EventType> events, List<String> targets) {
        public Route {
            events = Set.copyOf(events);
            targets = List.copyOf(targets);
        }
    }

    public NotificationConfig {
        targets = Map.copyOf(new LinkedHashMap<>(targets));
        routes = List.copyOf(routes);
        for (Route route : routes) {
            for (String name : route.targets()) {
                if (!targets.containsKey(name)) {
                    throw new IllegalArgumentException("a route names the undefined target '" + name + "'");
                }
            }
        }
    }

    /** The targets {@code type} goes to, each once, in the order the routes first name them. */
    public List<NotificationTarget> targetsFor(EventType type) {
        List<NotificationTarget> found = new ArrayList<>();
        for (Route route : routes) {
            if (!route.events().contains(type)) {
                continue;
            }
            route.targets().stream().map(targets::get).filter(t -> !found.contains(t)).forEach(found::add);
        }
        return found;
    }

    /** The secret names the targets use (for a deployment check: every one must exist). */
    public Set<String> secretNames() {
        Set<String> names = new java.util.TreeSet<>();
        targets.values().forEach(t -> {
            names.add(t.urlSecret());
            t.signingSecret().ifPresent(names::add);
        });
        return names;
    }
}
