package dev.airlock.domain.role;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code spec.options}. Besides the options Airlock enforces, Teleport has session options that
 * restrict what a login may do in ways an OpenSSH certificate cannot carry (per-session MFA, source-IP
 * pinning, no scp/sftp, ...). Those are accepted only at their permissive value, where there is nothing to
 * enforce, and refused otherwise: dropping a restriction silently would widen access.
 */
final class OptionsReader {

    /** Longest {@code request_prompt}, in characters. */
    static final int MAX_PROMPT_LENGTH = 1024;

    /** Session options Airlock cannot enforce, and the values at which they restrict nothing. */
    private static final Map<String, List<Object>> PERMISSIVE = Map.of(
            "ssh_file_copy", List.of(true),
            "require_session_mfa", List.of(false, "no", "off"),
            "pin_source_ip", List.of(false),
            "disconnect_expired_cert", List.of(false),
            "client_idle_timeout", List.of("0", "0s", "never"),
            "device_trust_mode", List.of("off", "optional"),
            "max_sessions", List.of(0),
            "max_connections", List.of(0));

    private OptionsReader() {
    }

    static RoleOptions read(YamlNode n) {
        n.fields(TeleportFields.options());
        PERMISSIVE.keySet().stream().sorted().filter(n::has).forEach(key -> judge(n, key));
        RoleOptions d = RoleOptions.DEFAULTS;
        return new RoleOptions(
                n.duration("max_session_ttl"),
                n.bool("permit_pty").orElse(d.permitPty()),
                n.bool("port_forwarding").orElse(d.portForwarding()),
                n.bool("forward_agent").orElse(d.forwardAgent()),
                n.bool("permit_x11_forwarding").orElse(d.permitX11Forwarding()),
                n.bool("permit_user_rc").orElse(d.permitUserRc()),
                requestAccess(n),
                prompt(n));
    }

    private static void judge(YamlNode n, String key) {
        Object value = n.raw(key);
        List<Object> permissive = PERMISSIVE.get(key);
        if (permissive.contains(value)) {
            n.log().ignored(n.path(key), "at '" + value + "' it restricts nothing, so there is nothing to enforce");
        } else {
            n.log().refuse(n.error(key, "not supported by Airlock: an OpenSSH certificate cannot enforce "
                    + key + " = '" + value + "'; remove it, or set it to '" + permissive.get(0) + "'"));
        }
    }

    private static RequestAccess requestAccess(YamlNode n) {
        String value = n.string("request_access").orElse("optional");
        return switch (value) {
            case "optional" -> RequestAccess.OPTIONAL;
            case "reason" -> RequestAccess.REASON;
            case "always" -> RequestAccess.ALWAYS;
            default -> throw n.error("request_access", "expected 'optional', 'reason' or 'always', got '" + value + "'");
        };
    }

    private static Optional<String> prompt(YamlNode n) {
        Optional<String> prompt = n.string("request_prompt").map(String::strip).filter(p -> !p.isEmpty());
        prompt.ifPresent(p -> DisplayText.check(n.location(), n.path("request_prompt"), p, MAX_PROMPT_LENGTH));
        return prompt;
    }
}
