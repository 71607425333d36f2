package dev.airlock.ssh;

import dev.airlock.domain.error.InvalidRequestException;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.PublicKeyFactory;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An SSH public key of one of the {@link SshKeyType}s, held in its canonical RFC 4253 §6.6 wire
 * form (the "blob"), with an optional comment. Immutable. Instances exist only for keys that passed
 * every check of {@link #parse(String)}: so a certificate is never issued for a DSA key, a short RSA
 * key, or an EC point that is not on its curve.
 */
public final class SshPublicKey {

    /** Longest {@code authorized_keys} line accepted: a 16384-bit RSA key (OpenSSH's maximum) fits with room for a comment. */
    public static final int MAX_LINE_CHARS = 8192;
    /** Longest key blob accepted (before parsing), bounding the work done on untrusted input. */
    public static final int MAX_BLOB_BYTES = 4096;
    /** Longest comment accepted after the base64 key. */
    public static final int MAX_COMMENT_CHARS = 1024;
    /** NIST SP 800-131A and OpenSSH 9's default floor: RSA keys below 2048 bits are refused. */
    public static final int MIN_RSA_BITS = 2048;
    /** OpenSSH's own ceiling ({@code SSHBUF_MAX_BIGNUM}/{@code OPENSSL_RSA_MAX_MODULUS_BITS}). */
    public static final int MAX_RSA_BITS = 16384;

    static final String ERROR_CODE = "invalid_public_key";

    private final SshKeyType type;
    private final byte[] blob;
    private final String comment;
    private final AsymmetricKeyParameter parameters;

    SshPublicKey(SshKeyType type, byte[] blob, String comment, AsymmetricKeyParameter parameters) {
        this.type = Objects.requireNonNull(type, "type");
        this.blob = blob.clone();
        this.comment = Objects.requireNonNull(comment, "comment");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * Parses one line in {@code authorized_keys} / {@code id_*.pub} form: {@code <key-type> <base64> [comment]}.
     *
     * @throws InvalidRequestException with a message naming the problem, for anything but a valid,
     *         accepted key (see {@link PublicKeyParser} for the list of checks)
     */
    public static SshPublicKey parse(String authorizedKeysLine) {
        return PublicKeyParser.parseLine(authorizedKeysLine);
    }

    /** Parses a key from its wire blob (RFC 4253 §6.6), with the same checks as {@link #parse(String)}. */
    public static SshPublicKey fromBlob(byte[] blob) {
        return PublicKeyParser.parseBlob(Objects.requireNonNull(blob, "blob"));
    }

    /**
     * Converts a DER {@code SubjectPublicKeyInfo} (RFC 5280 §4.1; what KMS {@code GetPublicKey} and
     * JCA {@code PublicKey.getEncoded()} return) to an SSH key, through Bouncy Castle.
     *
     * @throws IllegalArgumentException if the DER is malformed or the key is not an accepted SSH key;
     *         the input is trusted configuration (a CA key), so this is not an invalid-request error
     */
    public static SshPublicKey fromSubjectPublicKeyInfo(byte[] der) {
        try {
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(der));
            return fromBlob(OpenSSHPublicKeyUtil.encodePublicKey(key));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a supported SSH public key (SubjectPublicKeyInfo): "
                    + e.getMessage(), e);
        }
    }

    public SshKeyType type() {
        return type;
    }

    /** The RFC 4253 §6.6 wire encoding: {@code string type, <type-specific fields>}. */
    public byte[] blob() {
        return blob.clone();
    }

    /** The comment after the key in its {@code authorized_keys} line; empty when there was none. */
    public String comment() {
        return comment;
    }

    public SshPublicKey withComment(String newComment) {
        PublicKeyParser.requireValidComment(newComment);
        return new SshPublicKey(type, blob, newComment, parameters);
    }

    /** Key size in bits: the RSA modulus length, or the curve's field size (255 for Ed25519 is reported as 256, as ssh-keygen does). */
    public int bits() {
        return PublicKeyParser.bits(type, parameters);
    }

    /** The fingerprint exactly as {@code ssh-keygen -l} prints it: {@code SHA256:} and unpadded base64 of SHA-256(blob). */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** The one-line {@code authorized_keys} form, e.g. for sshd's {@code TrustedUserCAKeys} file. */
    public String toAuthorizedKeysLine() {
        String base = type.wireName() + " " + Base64.getEncoder().encodeToString(blob);
        return comment.isEmpty() ? base : base + " " + comment;
    }

    /** The key as Bouncy Castle parameters, for signature verification. */
    AsymmetricKeyParameter parameters() {
        return parameters;
    }

    /** Equal when the keys are equal; the comment is not part of a key's identity. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SshPublicKey that && Arrays.equals(blob, that.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return type.wireName() + " " + fingerprint();
    }
}
