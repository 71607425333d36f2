package dev.airlock.ssh;

import java.util.Arrays;
import java.util.Optional;

/**
 * The public-key algorithms Airlock accepts, for subject keys and CA keys alike. Names are those of
 * RFC 4253 §6.6 ({@code ssh-rsa}), RFC 5656 §6.2 ({@code ecdsa-sha2-*}) and RFC 8709
 * ({@code ssh-ed25519}); the certificate names are those of OpenSSH {@code PROTOCOL.certkeys}.
 * DSA ({@code ssh-dss}) is deliberately absent: OpenSSH disabled it in 7.0 and removed it in 9.8.
 */
public enum SshKeyType {
    ED25519("ssh-ed25519", null),
    ECDSA_P256("ecdsa-sha2-nistp256", "nistp256"),
    ECDSA_P384("ecdsa-sha2-nistp384", "nistp384"),
    ECDSA_P521("ecdsa-sha2-nistp521", "nistp521"),
    RSA("ssh-rsa", null);

    private static final String CERT_SUFFIX = "-cert-v01@openssh.com";

    private final String wireName;
    private final String curveName;

    SshKeyType(String wireName, String curveName) {
        this.wireName = wireName;
        this.curveName = curveName;
    }

    /** The key type as it appears on the wire and first in an {@code authorized_keys} line. */
    public String wireName() {
        return wireName;
    }

    /** The name of the certificate type for a subject key of this type, e.g. {@code ssh-ed25519-cert-v01@openssh.com}. */
    public String certificateType() {
        return wireName + CERT_SUFFIX;
    }

    /** RFC 5656 curve identifier ({@code nistp256} …) for ECDSA keys; empty for the others. */
    public Optional<String> curveName() {
        return Optional.ofNullable(curveName);
    }

    public boolean isEcdsa() {
        return curveName != null;
    }

    public static Optional<SshKeyType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
