package dev.airlock.core.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Names of audit chains (see {@link dev.airlock.core.audit.AuditRecord}): one per access request,
 * and chains owned by no request: the CA, the role configuration, and one per user for certificates
 * issued for base roles only.
 */
public final class AuditChains {

    public static final String REQUEST_PREFIX = "request#";
    public static final String USER_PREFIX = "user#";
    public static final String CA = "ca";
    public static final String CONFIG = "config";
    /** Tamper alarms raised by the checkpoint function. */
    public static final String TAMPER = "tamper";

    private AuditChains() {
    }

    /** {@code request#<id>}: written by the request store, in the same transaction as the change. */
    public static String forRequest(String requestId) {
        return REQUEST_PREFIX + Objects.requireNonNull(requestId, "requestId");
    }

    /** {@code user#<name>}: certificates issued for a user's base roles only. */
    public static String forUser(String user) {
        return USER_PREFIX + Objects.requireNonNull(user, "user");
    }

    /** The request id of a request chain, empty for any other chain. */
    public static Optional<String> requestIdOf(String chain) {
        return chain.startsWith(REQUEST_PREFIX) ? Optional.of(chain.substring(REQUEST_PREFIX.length())) : Optional.empty();
    }

    /** Whether the chain belongs to an access request (and so its head lives on the request item). */
    public static boolean isRequestChain(String chain) {
        return chain.startsWith(REQUEST_PREFIX);
    }
}
