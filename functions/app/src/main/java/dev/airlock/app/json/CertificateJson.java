package dev.airlock.app.json;

import dev.airlock.core.usecase.IssuedCertificate;

import java.util.List;

/** The {@code POST /certificates} response of docs/API.md. */
public final class CertificateJson {

    private CertificateJson() {
    }

    public static View of(IssuedCertificate issued) {
        return new View(issued.certificate(), issued.serial(), issued.keyId(), issued.principals(),
                issued.validAfter().toString(), issued.validBefore().toString(), issued.requestId().orElse(null));
    }

    /** Field for field and in the order of docs/API.md. */
    public record View(String certificate, String serial, String keyId, List<String> principals, String validAfter,
                       String validBefore, String requestId) {
    }
}
