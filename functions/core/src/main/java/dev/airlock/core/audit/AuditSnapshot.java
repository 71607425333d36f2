package dev.airlock.core.audit;

import dev.airlock.domain.request.AccessRequest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the {@link AuditVerifier} checks, as read from the tables.
 *
 * @param chains     every audit item, by chain (any order within a chain)
 * @param heads      what the other table says each chain's head is: the {@code auditHead} of every
 *                   access request (chain {@code request#<id>}) and every chain-head item
 * @param roleConfig the stored role configuration, when there is one
 * @param requests   every readable access request item, by its chain ({@code request#<id>}): replayed
 *                   against its chain
 * @param unreadableRequests request items that cannot be read as a request (by chain, with why): no
 *                   function can use them, and no replay can justify them
 * @param servedCaFingerprint the OpenSSH SHA256 fingerprint of the CA public key the deployment serves
 *                   ({@code GET /ca}, i.e. KMS GetPublicKey), when the verifier was told the CA key:
 *                   compared with the newest {@code ca.key_registered} record
 */
public record AuditSnapshot(Map<String, List<StoredRecord>> chains, Map<String, ExpectedHead> heads,
                            Optional<RoleConfigClaim> roleConfig, Map<String, AccessRequest> requests,
                            Map<String, String> unreadableRequests, Optional<String> servedCaFingerprint) {

    public AuditSnapshot {
        chains = Map.copyOf(chains);
        heads = Map.copyOf(heads);
        Objects.requireNonNull(roleConfig, "roleConfig");
        requests = Map.copyOf(requests);
        unreadableRequests = Map.copyOf(unreadableRequests);
        Objects.requireNonNull(servedCaFingerprint, "servedCaFingerprint");
    }

    /** A snapshot read without the served CA key (nothing compared with the {@code ca} chain's newest record). */
    public AuditSnapshot(Map<String, List<StoredRecord>> chains, Map<String, ExpectedHead> heads,
                         Optional<RoleConfigClaim> roleConfig, Map<String, AccessRequest> requests,
                         Map<String, String> unreadableRequests) {
        this(chains, heads, roleConfig, requests, unreadableRequests, Optional.empty());
    }

    /** This snapshot, with the fingerprint of the CA public key the deployment serves. */
    public AuditSnapshot withServedCaFingerprint(String fingerprint) {
        return new AuditSnapshot(chains, heads, roleConfig, requests, unreadableRequests,
                Optional.of(Objects.requireNonNull(fingerprint, "fingerprint")));
    }

    /** A snapshot whose request items could all be read. */
    public AuditSnapshot(Map<String, List<StoredRecord>> chains, Map<String, ExpectedHead> heads,
                         Optional<RoleConfigClaim> roleConfig, Map<String, AccessRequest> requests) {
        this(chains, heads, roleConfig, requests, Map.of());
    }

    /** A snapshot without request items: chains and heads only, nothing replayed. */
    public AuditSnapshot(Map<String, List<StoredRecord>> chains, Map<String, ExpectedHead> heads,
                         Optional<RoleConfigClaim> roleConfig) {
        this(chains, heads, roleConfig, Map.of());
    }

    /**
     * A chain's head as stored outside the audit table.
     *
     * @param chain  the chain
     * @param seq    the head's sequence number
     * @param hash   the head's hash
     * @param holder who holds it, for messages ({@code request <id>}, {@code head item})
     */
    public record ExpectedHead(String chain, long seq, String hash, String holder) {
        public ExpectedHead {
            Objects.requireNonNull(chain, "chain");
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(holder, "holder");
        }
    }

    /**
     * The stored role configuration.
     *
     * @param storedSha256 the SHA-256 stored with the YAML
     * @param actualSha256 the SHA-256 of the stored YAML text, recomputed
     */
    public record RoleConfigClaim(String storedSha256, String actualSha256) {
        public RoleConfigClaim {
            Objects.requireNonNull(storedSha256, "storedSha256");
            Objects.requireNonNull(actualSha256, "actualSha256");
        }
    }
}
