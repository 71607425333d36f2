package dev.airlock.ssh;

import dev.airlock.domain.error.InvalidRequestException;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Collects the fields of an OpenSSH user certificate ({@code PROTOCOL.certkeys}) and encodes the
 * to-be-signed part. Setters validate at once, so a bad value fails where it is set; the CA that
 * signs is separate ({@link CertificateIssuer}). A builder is not thread-safe; use one per certificate.
 */
public final class SshCertificateBuilder {

    /** {@code PROTOCOL.certkeys}: {@code SSH_CERT_TYPE_USER}. Host certificates (2) are not issued. */
    public static final int SSH_CERT_TYPE_USER = 1;
    /** Nonce length; OpenSSH's own {@code ssh-keygen -s} uses 32 random bytes. */
    public static final int NONCE_BYTES = 32;
    public static final int MAX_KEY_ID_CHARS = 512;
    public static final int MAX_PRINCIPALS = 256;
    /** Long enough for any Unix login name (Linux caps them at 32) and for most host names. */
    public static final int MAX_PRINCIPAL_CHARS = 255;
    public static final int MAX_OPTIONS = 32;
    public static final int MAX_OPTION_NAME_CHARS = 128;
    public static final int MAX_OPTION_VALUE_CHARS = 2048;

    static final String ERROR_CODE = "invalid_certificate";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SshPublicKey subjectKey;
    private byte[] nonce;
    private Long serial;
    private String keyId;
    private List<String> principals;
    private Instant validAfter;
    private Instant validBefore;
    private final SortedMap<String, byte[]> criticalOptions = new TreeMap<>();
    private final SortedMap<String, byte[]> extensions = new TreeMap<>();

    private SshCertificateBuilder(SshPublicKey subjectKey) {
        this.subjectKey = Objects.requireNonNull(subjectKey, "subjectKey");
        this.nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
    }

    /** A user certificate for {@code subjectKey}, with a fresh random nonce. */
    public static SshCertificateBuilder userCertificate(SshPublicKey subjectKey) {
        return new SshCertificateBuilder(subjectKey);
    }

    /** Replaces the random nonce; for known-answer tests. */
    public SshCertificateBuilder nonce(byte[] value) {
        Objects.requireNonNull(value, "nonce");
        if (value.length != NONCE_BYTES) {
            throw invalid("nonce must be " + NONCE_BYTES + " bytes, got " + value.length);
        }
        this.nonce = value.clone();
        return this;
    }

    /** The CA-chosen serial (uint64; a negative long stands for a value above 2^63 - 1). */
    public SshCertificateBuilder serial(long value) {
        this.serial = value;
        return this;
    }

    /** Free text that sshd logs on every login with this certificate; make it name user and request. */
    public SshCertificateBuilder keyId(String value) {
        this.keyId = requireText("key id", value, MAX_KEY_ID_CHARS, false);
        return this;
    }

    /** Unix logins the certificate is valid for; at least one, no duplicates, order kept. */
    public SshCertificateBuilder principals(List<String> values) {
        Objects.requireNonNull(values, "principals");
        if (values.isEmpty()) {
            throw invalid("a certificate needs at least one principal");
        }
        if (values.size() > MAX_PRINCIPALS) {
            throw invalid(values.size() + " principals exceed the limit of " + MAX_PRINCIPALS);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String principal : values) {
            requireText("principal", principal, MAX_PRINCIPAL_CHARS, true);
            if (!seen.add(principal)) {
                throw invalid("duplicate principal '" + principal + "'");
            }
        }
        this.principals = List.copyOf(seen);
        return this;
    }

    /** Validity window, both ends in whole seconds (sub-second parts are dropped); after &lt; before. */
    public SshCertificateBuilder validity(Instant after, Instant before) {
        Objects.requireNonNull(after, "validAfter");
        Objects.requireNonNull(before, "validBefore");
        if (after.getEpochSecond() < 0) {
            throw invalid("valid-after must not be before 1970-01-01T00:00:00Z");
        }
        if (after.getEpochSecond() >= before.getEpochSecond()) {
            throw invalid("valid-after (" + after + ") must be before valid-before (" + before + ")");
        }
        this.validAfter = Instant.ofEpochSecond(after.getEpochSecond());
        this.validBefore = Instant.ofEpochSecond(before.getEpochSecond());
        return this;
    }

    /** A flag critical option (empty data), e.g. {@code verify-required}. */
    public SshCertificateBuilder criticalOption(String name) {
        return put(criticalOptions, "critical option", name, new byte[0]);
    }

    /** A critical option with a string value, e.g. {@code force-command} or {@code source-address}. */
    public SshCertificateBuilder criticalOption(String name, String value) {
        return put(criticalOptions, "critical option", name, stringData(value));
    }

    /** A flag extension (empty data), e.g. {@code permit-pty}. */
    public SshCertificateBuilder extension(String name) {
        return put(extensions, "extension", name, new byte[0]);
    }

    /** An extension with a string value (custom extensions only; OpenSSH's own are flags). */
    public SshCertificateBuilder extension(String name, String value) {
        return put(extensions, "extension", name, stringData(value));
    }

    /**
     * Encodes every field that the CA signs, in {@code PROTOCOL.certkeys} order: type, nonce, the
     * subject key's fields, serial, type, key id, principals, validity, critical options,
     * extensions, reserved, signature key.
     *
     * @throws IllegalStateException if serial, key id, principals or validity were never set
     */
    public byte[] toBeSigned(SshPublicKey caKey) {
        Objects.requireNonNull(caKey, "caKey");
        requireComplete();
        SshWire wire = new SshWire()
                .string(subjectKey.type().certificateType())
                .string(nonce)
                .raw(subjectKeyFields())
                .uint64(serial)
                .uint32(SSH_CERT_TYPE_USER)
                .string(keyId)
                .string(encodePrincipals())
                .uint64(validAfter.getEpochSecond())
                .uint64(validBefore.getEpochSecond())
                .string(encodeOptions(criticalOptions))
                .string(encodeOptions(extensions))
                .string(new byte[0])
                .string(caKey.blob());
        return wire.toByteArray();
    }

    /** The values set so far, for the issued certificate's accessors. */
    CertificateFields fields() {
        requireComplete();
        return new CertificateFields(subjectKey, serial, keyId, principals, validAfter, validBefore,
                List.copyOf(criticalOptions.keySet()), List.copyOf(extensions.keySet()));
    }

    /** The key's wire blob without its leading type string: the certificate carries the fields only. */
    private byte[] subjectKeyFields() {
        SshWireReader reader = new SshWireReader(subjectKey.blob());
        reader.string();
        byte[] blob = subjectKey.blob();
        byte[] fields = new byte[reader.remaining()];
        System.arraycopy(blob, blob.length - fields.length, fields, 0, fields.length);
        return fields;
    }

    private byte[] encodePrincipals() {
        SshWire wire = new SshWire();
        principals.forEach(wire::string);
        return wire.toByteArray();
    }

    /** {@code PROTOCOL.certkeys}: a sequence of (string name, string data), lexically ordered by name. */
    private static byte[] encodeOptions(SortedMap<String, byte[]> options) {
        SshWire wire = new SshWire();
        for (Map.Entry<String, byte[]> option : options.entrySet()) {
            wire.string(option.getKey()).string(option.getValue());
        }
        return wire.toByteArray();
    }

    private SshCertificateBuilder put(SortedMap<String, byte[]> into, String what, String name, byte[] data) {
        try {
            SshWire.requireName(name);
        } catch (IllegalArgumentException e) {
            throw invalid(what + " name is invalid: " + e.getMessage());
        }
        if (name.length() > MAX_OPTION_NAME_CHARS) {
            throw invalid(what + " name is over the limit of " + MAX_OPTION_NAME_CHARS + " characters");
        }
        if (into.containsKey(name)) {
            throw invalid("duplicate " + what + " '" + name + "'");
        }
        if (into.size() >= MAX_OPTIONS) {
            throw invalid("more than " + MAX_OPTIONS + " " + what + "s");
        }
        into.put(name, data);
        return this;
    }

    /** Option data holding a value is itself an SSH string (as {@code ssh-keygen -O force-command=} writes it). */
    private static byte[] stringData(String value) {
        return new SshWire().string(requireText("option value", value, MAX_OPTION_VALUE_CHARS, false))
                .toByteArray();
    }

    private static String requireText(String what, String value, int maxChars, boolean noSpaces) {
        if (value == null || value.isEmpty()) {
            throw invalid(what + " must not be empty");
        }
        if (value.length() > maxChars) {
            throw invalid(what + " is over the limit of " + maxChars + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw invalid(what + " contains a control character at index " + i);
            }
            if (noSpaces && (Character.isWhitespace(c) || c == ',')) {
                throw invalid(what + " contains whitespace or a comma at index " + i);
            }
        }
        return value;
    }

    private void requireComplete() {
        List<String> missing = new ArrayList<>();
        if (serial == null) missing.add("serial");
        if (keyId == null) missing.add("keyId");
        if (principals == null) missing.add("principals");
        if (validAfter == null) missing.add("validity");
        if (!missing.isEmpty()) {
            throw new IllegalStateException("certificate fields not set: " + missing);
        }
    }

    private static InvalidRequestException invalid(String detail) {
        return new InvalidRequestException(ERROR_CODE, detail);
    }
}
