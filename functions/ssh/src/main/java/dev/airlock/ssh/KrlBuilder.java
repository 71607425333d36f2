package dev.airlock.ssh;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds an OpenSSH Key Revocation List ({@code PROTOCOL.krl}) revoking certificates of one CA by
 * serial, for sshd's {@code RevokedKeys}. Output in the spec's field order: header (magic, format
 * version, KRL version, generated date, flags, reserved, comment), then one
 * {@code KRL_SECTION_CERTIFICATES} section scoped to the CA key, its serials written as lists,
 * ranges or bitmaps, whichever is smaller ({@link KrlSerialPlanner}). The section is written even
 * with no serials, so a host can check an empty KRL belongs to its CA ({@link KrlCheck}).
 * Not thread-safe; one builder per KRL.
 */
public final class KrlBuilder {

    /** {@code PROTOCOL.krl}: {@code KRL_MAGIC}, "SSHKRL\n\0". */
    static final byte[] MAGIC = "SSHKRL\n\0".getBytes(StandardCharsets.US_ASCII);
    /** {@code PROTOCOL.krl}: {@code KRL_FORMAT_VERSION}. */
    static final int FORMAT_VERSION = 1;
    /** {@code PROTOCOL.krl}: {@code KRL_SECTION_CERTIFICATES}. */
    static final int SECTION_CERTIFICATES = 1;
    /** Longest comment accepted; the comment is informational only. */
    public static final int MAX_COMMENT_CHARS = 256;

    private final SshPublicKey caKey;
    private final Set<Long> serials = new HashSet<>();
    private long version;
    private Instant generatedAt = Instant.EPOCH;
    private String comment = "";

    private KrlBuilder(SshPublicKey caKey) {
        this.caKey = Objects.requireNonNull(caKey, "caKey");
    }

    /** A KRL revoking certificates signed by {@code caKey}. */
    public static KrlBuilder forCa(SshPublicKey caKey) {
        return new KrlBuilder(caKey);
    }

    /** The KRL version; must grow with every change so hosts can tell a newer list (uint64, ≥ 0 here). */
    public KrlBuilder version(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("KRL version must not be negative: " + value);
        }
        this.version = value;
        return this;
    }

    /** When the KRL was generated; written as whole seconds since the epoch. */
    public KrlBuilder generatedAt(Instant value) {
        Objects.requireNonNull(value, "generatedAt");
        if (value.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("generated date before 1970: " + value);
        }
        this.generatedAt = value;
        return this;
    }

    public KrlBuilder comment(String value) {
        Objects.requireNonNull(value, "comment");
        if (value.length() > MAX_COMMENT_CHARS || value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new IllegalArgumentException("KRL comment must be printable and at most "
                    + MAX_COMMENT_CHARS + " characters");
        }
        this.comment = value;
        return this;
    }

    /** Revokes the certificate with this serial (uint64; a negative long stands for a value ≥ 2^63). */
    public KrlBuilder revokeSerial(long serial) {
        serials.add(serial);
        return this;
    }

    public KrlBuilder revokeSerials(Collection<Long> values) {
        values.forEach(this::revokeSerial);
        return this;
    }

    public byte[] build() {
        SshWire out = new SshWire()
                .raw(MAGIC)
                .uint32(FORMAT_VERSION)
                .uint64(version)
                .uint64(generatedAt.getEpochSecond())
                .uint64(0) // flags: none are defined
                .string(new byte[0]) // reserved
                .string(comment);
        out.raw(new byte[] {SECTION_CERTIFICATES}).string(certificatesSection());
        return out.toByteArray();
    }

    private byte[] certificatesSection() {
        SshWire section = new SshWire().string(caKey.blob()).string(new byte[0]); // ca_key, reserved
        for (KrlSerialPlanner.Section planned : KrlSerialPlanner.plan(KrlSerialRuns.of(serials))) {
            section.raw(new byte[] {(byte) planned.type()}).string(encode(planned));
        }
        return section.toByteArray();
    }

    private static byte[] encode(KrlSerialPlanner.Section planned) {
        SshWire data = new SshWire();
        List<KrlSerialRuns.Run> runs = planned.runs();
        switch (planned.type()) {
            case KrlSerialPlanner.LIST -> runs.forEach(run -> {
                for (long serial = run.lo(); ; serial++) {
                    data.uint64(serial);
                    if (serial == run.hi()) {
                        break;
                    }
                }
            });
            case KrlSerialPlanner.RANGE -> data.uint64(runs.get(0).lo()).uint64(runs.get(0).hi());
            case KrlSerialPlanner.BITMAP -> data.uint64(runs.get(0).lo()).mpint(bitmap(runs));
            default -> throw new IllegalStateException("unknown section type " + planned.type());
        }
        return data.toByteArray();
    }

    /** Bit {@code n} set for serial {@code offset + n}; the spec's mpint {@code revoked_keys_bitmap}. */
    private static BigInteger bitmap(List<KrlSerialRuns.Run> runs) {
        long offset = runs.get(0).lo();
        BitSet bits = new BitSet();
        for (KrlSerialRuns.Run run : runs) {
            int from = Math.toIntExact(run.lo() - offset);
            bits.set(from, Math.toIntExact(from + run.length()));
        }
        byte[] littleEndian = bits.toByteArray();
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }
}
