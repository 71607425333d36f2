package dev.airlock.local;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The demo users of the development issuer and their default groups, from
 * {@code localstack/config/demo-users.yaml} (shared with the CLI):
 * <pre>
 * users:
 *   bob:   { groups: [contractors] }
 *   alice: { groups: [dba-reviewers] }
 * clients:                                   # optional: the OpenID Connect clients
 *   airlock-cli:     { loopback_redirects: true }
 *   airlock-console: { redirect_uris: ["{gateway}/"] }
 * </pre>
 * Without {@code clients}, those two are the clients ({@link #DEFAULT_CLIENTS}).
 */
public final class DemoUsers {

    public static final String FILE_NAME = "demo-users.yaml";

    /**
     * A public OpenID Connect client of the development provider as the file declares it.
     *
     * @param id                its client_id
     * @param loopbackRedirects whether it may be redirected to any loopback URI (RFC 8252 §7.3)
     * @param redirectUris      further redirect URIs, compared exactly; {@code {gateway}} stands for
     *                          the gateway's {@code http://127.0.0.1:PORT}
     */
    public record Client(String id, boolean loopbackRedirects, List<String> redirectUris) {
        public Client {
            Objects.requireNonNull(id, "id");
            redirectUris = List.copyOf(redirectUris);
        }
    }

    /** The command-line client (loopback redirects) and a console served by the gateway. */
    public static final List<Client> DEFAULT_CLIENTS = List.of(
            new Client("airlock-cli", true, List.of()),
            new Client("airlock-console", false, List.of("{gateway}/")));

    private static final Set<String> CLIENT_FIELDS = Set.of("loopback_redirects", "redirect_uris");

    private final Map<String, List<String>> groups;
    private final List<Client> clients;

    private DemoUsers(Map<String, List<String>> groups, List<Client> clients) {
        this.groups = Map.copyOf(groups);
        this.clients = List.copyOf(clients);
    }

    public static DemoUsers of(Map<String, List<String>> groups) {
        return new DemoUsers(groups, DEFAULT_CLIENTS);
    }

    /**
     * Parses the file's text.
     *
     * @throws IllegalArgumentException naming what is wrong when the text is not of that shape
     */
    public static DemoUsers parse(String yaml) {
        Object root;
        try {
            root = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(FILE_NAME + " is not valid YAML");
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("users") instanceof Map<?, ?> users)) {
            throw new IllegalArgumentException(FILE_NAME + " must have a 'users' mapping");
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        users.forEach((name, entry) -> {
            if (!(name instanceof String user) || !(entry instanceof Map<?, ?> fields)
                    || !(fields.get("groups") instanceof List<?> list)
                    || !list.stream().allMatch(String.class::isInstance)) {
                throw new IllegalArgumentException(FILE_NAME + ": user '" + name + "' must have a list of groups");
            }
            groups.put(user, list.stream().map(String.class::cast).toList());
        });
        return new DemoUsers(groups, top.containsKey("clients") ? clients(top.get("clients")) : DEFAULT_CLIENTS);
    }

    private static List<Client> clients(Object section) {
        if (!(section instanceof Map<?, ?> entries)) {
            throw new IllegalArgumentException(FILE_NAME + ": 'clients' must be a mapping of client ids");
        }
        List<Client> clients = new ArrayList<>();
        entries.forEach((id, entry) -> clients.add(client(id, entry == null ? Map.of() : entry)));
        return clients;
    }

    private static Client client(Object id, Object entry) {
        IllegalArgumentException malformed = new IllegalArgumentException(FILE_NAME + ": client '" + id
                + "' may have only loopback_redirects (true/false) and redirect_uris (a list of URIs)");
        if (!(id instanceof String clientId) || clientId.isBlank() || !(entry instanceof Map<?, ?> fields)
                || !CLIENT_FIELDS.containsAll(fields.keySet())) {
            throw malformed;
        }
        Object loopback = fields.containsKey("loopback_redirects") ? fields.get("loopback_redirects") : Boolean.FALSE;
        Object uris = fields.containsKey("redirect_uris") ? fields.get("redirect_uris") : List.of();
        if (!(loopback instanceof Boolean allowLoopback) || !(uris instanceof List<?> list)
                || !list.stream().allMatch(String.class::isInstance)) {
            throw malformed;
        }
        return new Client(clientId, allowLoopback, list.stream().map(String.class::cast).toList());
    }

    /** The default groups of a demo user; empty for anyone else. */
    public Optional<List<String>> groupsOf(String user) {
        return Optional.ofNullable(groups.get(Objects.requireNonNull(user, "user")));
    }

    public Map<String, List<String>> all() {
        return groups;
    }

    /** The OpenID Connect clients of the development provider. */
    public List<Client> clients() {
        return clients;
    }
}
