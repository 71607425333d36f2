package dev.airlock.local.oidc;

import dev.airlock.local.DemoUsers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The public clients (no secret: token_endpoint_auth_method "none") the provider knows and where each
 * may be redirected. A redirect URI is accepted only when it is one of the client's exact URIs or,
 * for a native client, an RFC 8252 §7.3 loopback URI: {@code http://127.0.0.1:<any port>/<path>},
 * {@code http://[::1]:...} or {@code http://localhost:...}, without user info or fragment.
 */
public final class OidcClients {

    /** The command-line client of the default configuration: loopback redirects on any port (RFC 8252 §7.3). */
    public static final String CLI = "airlock-cli";
    /** A browser console served by the gateway itself (default configuration): only {@code <gateway>/}. */
    public static final String CONSOLE = "airlock-console";
    static final int MAX_REDIRECT_URI_CHARS = 2048;
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

    /**
     * One client.
     *
     * @param id                client_id
     * @param loopbackRedirects whether any loopback redirect URI is allowed (native apps)
     * @param redirectUris      further redirect URIs allowed, compared exactly
     */
    public record Client(String id, boolean loopbackRedirects, Set<String> redirectUris) {
        public Client {
            Objects.requireNonNull(id, "id");
            redirectUris = Set.copyOf(redirectUris);
        }
    }

    private final Map<String, Client> clients;

    public OidcClients(List<Client> clients) {
        Map<String, Client> byId = new LinkedHashMap<>();
        clients.forEach(client -> byId.put(client.id(), client));
        this.clients = Map.copyOf(byId);
    }

    /**
     * The clients the development issuer's file declares ({@link DemoUsers#clients()}), with
     * {@code {gateway}} in their redirect URIs replaced by the gateway's origin.
     */
    public static OidcClients of(List<DemoUsers.Client> declared, URI gateway) {
        String origin = gateway.toString().replaceAll("/+$", "");
        return new OidcClients(declared.stream().map(client -> new Client(client.id(), client.loopbackRedirects(),
                client.redirectUris().stream().map(uri -> uri.replace("{gateway}", origin))
                        .collect(Collectors.toSet()))).toList());
    }

    Optional<Client> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    Set<String> ids() {
        return clients.keySet();
    }

    /** Whether {@code client} may be sent to {@code redirectUri}. */
    static boolean allowsRedirect(Client client, String redirectUri) {
        if (redirectUri == null || redirectUri.isEmpty() || redirectUri.length() > MAX_REDIRECT_URI_CHARS) {
            return false;
        }
        if (client.redirectUris().contains(redirectUri)) {
            return true;
        }
        return client.loopbackRedirects() && isLoopback(redirectUri);
    }

    /** RFC 8252 §7.3 / §8.3: plain http to the loopback interface, any port, a path, no user info or fragment. */
    static boolean isLoopback(String redirectUri) {
        if (!redirectUri.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\')) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (URISyntaxException e) {
            return false;
        }
        String host = uri.getHost();
        return "http".equals(uri.getScheme()) && uri.getRawAuthority() != null && host != null
                && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT))
                && uri.getRawUserInfo() == null && uri.getRawFragment() == null
                && uri.getRawAuthority().equalsIgnoreCase(host + (uri.getPort() == -1 ? "" : ":" + uri.getPort()))
                && uri.getPort() <= 65535;
    }
}
