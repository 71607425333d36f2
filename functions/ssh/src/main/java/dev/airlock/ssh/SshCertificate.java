package dev.airlock.ssh;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A signed OpenSSH user certificate ({@code PROTOCOL.certkeys}), made by {@link CertificateIssuer}.
 * Immutable. {@link #toOpenSshLine(String)} is what a user saves as {@code id_ed25519-cert.pub}.
 */
public final class SshCertificate {

    private final CertificateFields fields;
    private final SshPublicKey caKey;
    private final SshSignatureAlgorithm signatureAlgorithm;
    private final byte[] blob;

    SshCertificate(CertificateFields fields, SshPublicKey caKey, SshSignatureAlgorithm signatureAlgorithm,
                   byte[] blob) {
        this.fields = Objects.requireNonNull(fields, "fields");
        this.caKey = Objects.requireNonNull(caKey, "caKey");
        this.signatureAlgorithm = Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        this.blob = blob.clone();
    }

    /** E.g. {@code ssh-ed25519-cert-v01@openssh.com}: named after the subject key's type. */
    public String certificateType() {
        return fields.subjectKey().type().certificateType();
    }

    /** The whole certificate in wire form, signature included. */
    public byte[] blob() {
        return blob.clone();
    }

    /** {@code <cert-type> <base64> [comment]}, the form of an OpenSSH {@code *-cert.pub} file. */
    public String toOpenSshLine(String comment) {
        Objects.requireNonNull(comment, "comment");
        if (comment.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new IllegalArgumentException("comment must be a single line");
        }
        String base = certificateType() + " " + Base64.getEncoder().encodeToString(blob);
        return comment.isEmpty() ? base : base + " " + comment;
    }

    public SshPublicKey subjectKey() {
        return fields.subjectKey();
    }

    public SshPublicKey caKey() {
        return caKey;
    }

    public SshSignatureAlgorithm signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The serial as a Java long; read it with {@link Long#toUnsignedString(long)} as ssh-keygen prints it. */
    public long serial() {
        return fields.serial();
    }

    public String keyId() {
        return fields.keyId();
    }

    public List<String> principals() {
        return fields.principals();
    }

    public Instant validAfter() {
        return fields.validAfter();
    }

    public Instant validBefore() {
        return fields.validBefore();
    }

    /** Names of the critical options, in certificate (lexical) order. */
    public List<String> criticalOptionNames() {
        return fields.criticalOptionNames();
    }

    /** Names of the extensions, in certificate (lexical) order. */
    public List<String> extensionNames() {
        return fields.extensionNames();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshCertificate that && Arrays.equals(blob, that.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return "SshCertificate[" + certificateType() + ", serial " + Long.toUnsignedString(serial())
                + ", key id '" + keyId() + "', principals " + principals() + "]";
    }
}
