package dev.airlock.app.wiring;

import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.AuditLog;
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

    /** Fixed ports, e.g. the in-memory fakes of airlock-core's test-jar. */
    static Ports of(AccessRequestStore store, AuditLog auditLog, RoleCatalog roleCatalog, CertificateAuthority ca) {
        return new Ports() {
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
