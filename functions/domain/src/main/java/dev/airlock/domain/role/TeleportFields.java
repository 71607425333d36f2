package dev.airlock.domain.role;

import java.util.List;

/**
 * Which Teleport role and OIDC connector fields Airlock enforces, ignores or refuses, mapping by mapping.
 * Field names follow Teleport's role reference (https://goteleport.com/docs/reference/access-controls/roles/)
 * and OIDC connector reference; docs/ROLES.md is the same table in prose.
 */
final class TeleportFields {

    static final String RESOURCES = "governs Teleport resources Airlock does not front; the hosts that trust "
            + "Airlock's CA decide which principals they accept (AuthorizedPrincipalsFile)";
    static final String TELEPORT_API = "governs Teleport's own API and sessions; Airlock's rights come from "
            + "request and review_requests only";
    static final String SESSION = "a Teleport session or recording setting; Airlock issues certificates only";
    static final String CONNECTOR = "a connector setting; Airlock's issuer and audience are deployment parameters";
    static final String METADATA = "metadata only";

    private TeleportFields() {
    }

    static Fields document() {
        return new Fields().read("kind", "version", "metadata", "spec");
    }

    static Fields metadata() {
        return new Fields().read("name", "description")
                .ignore(METADATA, "labels", "namespace", "revision", "id")
                .refuse("expires", "roles do not expire in Airlock; remove the role instead");
    }

    static Fields roleSpec() {
        return new Fields().read("options", "allow", "deny");
    }

    /** {@code spec.allow} and {@code spec.deny}. */
    static Fields conditions() {
        return new Fields().read("logins", "request", "review_requests")
                .ignorePrefixes(RESOURCES, List.of("node_labels", "app_labels", "cluster_labels", "kubernetes_",
                        "db_", "windows_desktop_", "group_labels", "workload_identity_labels", "aws_role_arns",
                        "azure_identities", "gcp_service_accounts", "host_groups", "host_sudoers",
                        "desktop_groups", "github_permissions", "account_assignments", "spiffe", "mcp",
                        "git_servers"))
                .ignore(TELEPORT_API, "rules", "impersonate", "join_sessions", "require_session_join");
    }

    /** {@code spec.allow.request}; under {@code deny} only the role list is meaningful. */
    static Fields request(boolean allow) {
        Fields f = new Fields().read("roles")
                .refuse("search_as_roles", "Airlock grants whole roles only (resource-based requests are not "
                        + "implemented); it would change what may be requested")
                .refuse("claims_to_roles", "requestable roles come only from request.roles; it would change "
                        + "who may request what")
                .refuse("kubernetes_resources", "label and resource matchers on requests are not implemented");
        if (allow) {
            f.enforce("max_duration", "suggested_reviewers").read("reason", "thresholds")
                    .refuse("annotations", "Airlock does not attach annotations to requests (plugins that "
                            + "route reviews by them would silently miss requests)")
                    .refuse("max_duration_from_creation", "not implemented; use max_duration");
        }
        return f;
    }

    static Fields reason() {
        return new Fields().enforce("mode");
    }

    static Fields threshold() {
        return new Fields().read("approve", "deny", "name")
                .refuse("filter", "thresholds count every review (predicate filters are not implemented); "
                        + "it would change which reviews approve");
    }

    static Fields review() {
        return new Fields().read("roles")
                .refuse("where", "reviewers are chosen by review_requests.roles only (predicate filters are not "
                        + "implemented); it would change who may review")
                .refuse("claims_to_roles", "reviewable roles come only from review_requests.roles; it would "
                        + "change who may review")
                .refuse("preview_as_roles", "Airlock has no resource preview for reviewers");
    }

    /** {@code spec.options}; the value-dependent ones are judged by {@code OptionsReader}. */
    static Fields options() {
        return new Fields()
                .enforce("max_session_ttl", "forward_agent", "port_forwarding", "permit_x11_forwarding",
                        "permit_pty", "permit_user_rc", "request_access", "request_prompt")
                .read("ssh_file_copy", "require_session_mfa", "pin_source_ip", "disconnect_expired_cert",
                        "client_idle_timeout", "device_trust_mode", "max_sessions", "max_connections")
                .refuse("ssh_port_forwarding", "use port_forwarding (an OpenSSH certificate permits port "
                        + "forwarding in both directions or in neither)")
                .refuse("cert_extensions", "Airlock puts only the permit-* extensions into certificates")
                .ignore(SESSION, "record_session", "enhanced_recording", "desktop_clipboard",
                        "desktop_directory_sharing", "create_desktop_user", "create_host_user",
                        "create_host_user_mode", "create_host_user_default_shell", "create_db_user",
                        "create_db_user_mode", "cert_format", "lock", "mfa_verification_interval",
                        "max_kubernetes_connections", "idp", "ssh_port_forwarding_mode", "bpf");
    }

    /** {@code kind: oidc} spec: only {@code claims_to_roles} is Airlock's business. */
    static Fields oidcSpec() {
        return new Fields().read("claims_to_roles")
                .ignore(CONNECTOR, "issuer_url", "client_id", "client_secret", "redirect_url", "display",
                        "scope", "acr_values", "provider", "prompt", "max_age", "username_claim",
                        "allow_unverified_email", "google_service_account", "google_service_account_uri",
                        "google_admin_email", "pkce_mode", "client_redirect_settings", "mfa",
                        "user_matchers", "entity_descriptor");
    }
}
