package dev.airlock.infra;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CloudFormation refuses a template whose resources refer to each other in a circle. The key and
 * table policies name the functions' roles, and the functions name the key and tables, so the
 * order (roles, then key and tables, then policies and functions) is checked here, offline.
 */
class TemplateGraphTest {

    @Test
    void resourceReferencesHaveNoCycle() {
        TemplateJson template = SynthesizedStack.defaults();
        Map<String, Set<String>> edges = new HashMap<>();
        template.resources().forEach((id, resource) -> {
            Set<String> targets = new HashSet<>();
            collect(resource, template.resources().keySet(), targets);
            targets.remove(id);
            edges.put(id, targets);
        });
        assertThat(edges.get(template.tableId("airlock-audit"))).as("the audit table's policy names the roles")
                .contains(template.roleId("sign"));
        Map<String, Integer> state = new HashMap<>();
        for (String id : edges.keySet()) {
            assertThat(cycleFrom(id, edges, state)).as("cycle through " + id).isEmpty();
        }
    }

    @Test
    void theSearchFindsACycleWhenThereIsOne() {
        Map<String, Set<String>> edges = Map.of("Table", Set.of("Role"), "Role", Set.of("Policy"), "Policy", Set.of("Table"));
        assertThat(cycleFrom("Table", edges, new HashMap<>())).isNotEmpty();
        assertThat(cycleFrom("Table", Map.of("Table", Set.of("Role")), new HashMap<>())).isEmpty();
    }

    /** Depth-first search; returns the resource that closes a cycle, or an empty list. */
    private static List<String> cycleFrom(String id, Map<String, Set<String>> edges, Map<String, Integer> state) {
        Integer seen = state.get(id);
        if (seen != null) {
            return seen == 1 ? List.of(id) : List.of();
        }
        state.put(id, 1);
        for (String next : edges.getOrDefault(id, Set.of())) {
            List<String> cycle = cycleFrom(next, edges, state);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        state.put(id, 2);
        return List.of();
    }

    /** Every logical id named by Ref, Fn::GetAtt or DependsOn anywhere inside {@code node}. */
    private static void collect(Object node, Set<String> ids, Set<String> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("Ref".equals(key) && ids.contains(value)) {
                    found.add((String) value);
                } else if ("Fn::GetAtt".equals(key) && value instanceof List<?> getAtt) {
                    found.add((String) getAtt.get(0));
                } else if ("DependsOn".equals(key)) {
                    TemplateJson.list(value).forEach(v -> found.add((String) v));
                } else {
                    collect(value, ids, found);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, ids, found));
        }
    }
}
