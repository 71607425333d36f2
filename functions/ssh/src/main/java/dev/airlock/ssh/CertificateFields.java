package dev.airlock.ssh;

import java.time.Instant;
import java.util.List;

/** The plain-value fields of an issued certificate, as the builder held them. */
record CertificateFields(SshPublicKey subjectKey, long serial, String keyId, List<String> principals,
                         Instant validAfter, Instant validBefore, List<String> criticalOptionNames,
                         List<String> extensionNames) {
}
