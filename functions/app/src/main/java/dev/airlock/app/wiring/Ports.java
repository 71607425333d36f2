package dev.airlock.app.wiring;

import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.AuditLog;
import dev.airlock.core.port.CheckpointAnchor;
import dev.airlock.core.port.CheckpointSigner;
import dev.airlock.core.port.CheckpointStore;
import dev.airlock.core.port.IssuedCertificateLookup;
import dev.airlock.core.port.NotificationConfigStore;
import dev.airlock.core.port.NotificationSender;
import dev.airlock.core.port.RevocationStore;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.ssh.CertificateAuthority;

/**
 * Where the functions' ports come from. Each port is created on first use, so a function that never
 * asks for one (the CA outside {@code sign}) never builds it or its AWS client. Production uses
 * {@link AwsPorts}; tests pass in-memory ports with {@link #of}.
 */
public interface Ports {

    AccessRequestStore store();

    AuditLog auditLog();

    RoleCatalog roleCatalog();

    CertificateAuthority certificateAuthority();

    /** The KRL index (revoked certificates not yet expired). */
    RevocationStore revocations();

    /** Issued certificates by serial. */
    IssuedCertificateLookup issuedCertificates();

    /** The notification routing file (the {@code notify} function reads it each batch). */
    default NotificationConfigStore notificationConfigs() {
        throw new UnsupportedOperationException("no notification configuration in these ports");
    }

    /** How the {@code notify} function reaches its receivers (signed webhooks, Slack). */
    default NotificationSender notificationSender() {
        throw new UnsupportedOperationException("no notification sender in these ports");
    }

    /** {@code base} plus the notify ports, e.g. airlock-core's in-memory config store and a recording sender. */
    static Ports withNotifications(Ports base, NotificationConfigStore configs, NotificationSender sender) {
        return new Delegating(base) {
            @Override public NotificationConfigStore notificationConfigs() { return configs; }
            @Override public NotificationSender notificationSender() { return sender; }
        };
    }

    /** What the {@code checkpoint} function remembers between batches. */
    default CheckpointStore checkpointStore() {
        throw new UnsupportedOperationException("no checkpoint store in these ports");
    }

    /** The audit key (never the CA key). */
    default CheckpointSigner checkpointSigner() {
        throw new UnsupportedOperationException("no checkpoint signer in these ports");
    }

    /** The write-once checkpoint bucket. */
    default CheckpointAnchor checkpointAnchor() {
        throw new UnsupportedOperationException("no checkpoint anchor in these ports");
    }

    /** {@code base} plus the checkpoint ports, e.g. airlock-core's {@code InMemoryCheckpoints} for all three. */
    static Ports withCheckpoints(Ports base, CheckpointStore store, CheckpointSigner signer, CheckpointAnchor anchor) {
        return new Delegating(base) {
            @Override public CheckpointStore checkpointStore() { return store; }
            @Override public CheckpointSigner checkpointSigner() { return signer; }
            @Override public CheckpointAnchor checkpointAnchor() { return anchor; }
        };
    }

    /** Every port from {@code base}; the {@code with…} factories replace the ones they add. */
    class Delegating implements Ports {
        private final Ports base;

        Delegating(Ports base) {
            this.base = java.util.Objects.requireNonNull(base, "base");
        }

        @Override public AccessRequestStore store() { return base.store(); }
        @Override public AuditLog auditLog() { return base.auditLog(); }
        @Override public RoleCatalog roleCatalog() { return base.roleCatalog(); }
        @Override public CertificateAuthority certificateAuthority() { return base.certificateAuthority(); }
        @Override public RevocationStore revocations() { return base.revocations(); }
        @Override public IssuedCertificateLookup issuedCertificates() { return base.issuedCertificates(); }
        @Override public NotificationConfigStore notificationConfigs() { return base.notificationConfigs(); }
        @Override public NotificationSender notificationSender() { return base.notificationSender(); }
        @Override public CheckpointStore checkpointStore() { return base.checkpointStore(); }
        @Override public CheckpointSigner checkpointSigner() { return base.checkpointSigner(); }
        @Override public CheckpointAnchor checkpointAnchor() { return base.checkpointAnchor(); }
    }

    /** Fixed ports, e.g. the in-memory fakes of airlock-core's test-jar. */
    static Ports of(AccessRequestStore store, AuditLog auditLog, RoleCatalog roleCatalog, CertificateAuthority ca) {
        return of(store, auditLog, roleCatalog, ca, null, null);
    }

    /** Fixed ports including the revocation ones (null ones fail when asked for). */
    static Ports of(AccessRequestStore store, AuditLog auditLog, RoleCatalog roleCatalog, CertificateAuthority ca,
                    RevocationStore revocations, IssuedCertificateLookup issued) {
        return new Ports() {
            @Override
            public RevocationStore revocations() {
                return java.util.Objects.requireNonNull(revocations, "no revocation store in these ports");
            }

            @Override
            public IssuedCertificateLookup issuedCertificates() {
                return java.util.Objects.requireNonNull(issued, "no issued-certificate lookup in these ports");
            }

            @Override
            public AccessRequestStore store() {
                return store;
            }

            @Override
            public AuditLog auditLog() {
                return auditLog;
            }

            @Override
            public RoleCatalog roleCatalog() {
                return roleCatalog;
            }

            @Override
            public CertificateAuthority certificateAuthority() {
                return ca;
            }
        };
    }
}
