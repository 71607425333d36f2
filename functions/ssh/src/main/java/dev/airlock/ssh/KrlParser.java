package dev.airlock.ssh;

import dev.airlock.domain.error.InvalidRequestException;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Strict reader of the KRLs this project writes ({@code PROTOCOL.krl}): the header, then
 * {@code KRL_SECTION_CERTIFICATES} sections with serial list, range, bitmap and key-id subsections.
 * Every other section type (explicit keys, fingerprints, signatures, extensions) is refused: Airlock
 * never writes them, so a file holding one is not ours.
 */
public final class KrlParser {

    /** Largest KRL read (16 MiB), bounding work on a downloaded file; ours stay far smaller. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final int SERIAL_LIST = 0x20;
    private static final int SERIAL_RANGE = 0x21;
    private static final int SERIAL_BITMAP = 0x22;
    private static final int KEY_ID = 0x23;

    private KrlParser() {
    }

    /**
     * @throws KrlFormatException naming the problem, for anything but a well-formed KRL of the
     *                            supported sections
     */
    public static Krl parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new KrlFormatException("KRL is " + bytes.length + " bytes, more than " + MAX_BYTES);
        }
        if (bytes.length < KrlBuilder.MAGIC.length
                || !Arrays.equals(bytes, 0, KrlBuilder.MAGIC.length, KrlBuilder.MAGIC, 0, KrlBuilder.MAGIC.length)) {
            throw new KrlFormatException("not a KRL: the file does not start with the magic \"SSHKRL\\n\\0\"");
        }
        try {
            return read(new SshWireReader(Arrays.copyOfRange(bytes, KrlBuilder.MAGIC.length, bytes.length)));
        } catch (SshWireFormatException | InvalidRequestException e) {
            throw new KrlFormatException("malformed KRL: " + e.getMessage(), e);
        }
    }

    private static Krl read(SshWireReader in) {
        long format = in.uint32();
        if (format != KrlBuilder.FORMAT_VERSION) {
            throw new KrlFormatException("unsupported KRL format version " + format);
        }
        long version = in.uint64();
        long generated = in.uint64();
        in.uint64(); // flags: none defined
        in.string(); // reserved
        String comment = in.utf8();
        List<Krl.CertificateSection> sections = new ArrayList<>();
        while (in.hasRemaining()) {
            int type = in.uint8();
            byte[] data = in.string();
            if (type != KrlBuilder.SECTION_CERTIFICATES) {
                throw new KrlFormatException("unsupported KRL section type " + type);
            }
            sections.add(certificates(new SshWireReader(data)));
        }
        if (generated < 0) {
            throw new KrlFormatException("KRL generated date out of range");
        }
        return new Krl(version, Instant.ofEpochSecond(generated), comment, sections);
    }

    private static Krl.CertificateSection certificates(SshWireReader in) {
        byte[] caBlob = in.string();
        Optional<SshPublicKey> ca = caBlob.length == 0 ? Optional.empty() : Optional.of(SshPublicKey.fromBlob(caBlob));
        in.string(); // reserved
        List<Krl.SerialRange> serials = new ArrayList<>();
        List<String> keyIds = new ArrayList<>();
        while (in.hasRemaining()) {
            int type = in.uint8();
            SshWireReader sub = new SshWireReader(in.string());
            switch (type) {
                case SERIAL_LIST -> {
                    while (sub.hasRemaining()) {
                        long serial = sub.uint64();
                        serials.add(range(serial, serial));
                    }
                }
                case SERIAL_RANGE -> serials.add(range(sub.uint64(), sub.uint64()));
                case SERIAL_BITMAP -> serials.addAll(bitmap(sub.uint64(), sub.mpint()));
                case KEY_ID -> {
                    while (sub.hasRemaining()) {
                        keyIds.add(sub.utf8());
                    }
                }
                default -> throw new KrlFormatException("unsupported KRL certificate subsection type " + type);
            }
            sub.requireEnd("KRL certificate subsection");
        }
        return new Krl.CertificateSection(ca, serials, keyIds);
    }

    private static Krl.SerialRange range(long lo, long hi) {
        if (Long.compareUnsigned(lo, hi) > 0 || lo == 0) {
            throw new KrlFormatException("invalid KRL serial range " + Long.toUnsignedString(lo) + "-"
                    + Long.toUnsignedString(hi));
        }
        return new Krl.SerialRange(lo, hi);
    }

    private static List<Krl.SerialRange> bitmap(long offset, BigInteger bits) {
        if (bits.signum() < 0) {
            throw new KrlFormatException("negative KRL serial bitmap");
        }
        byte[] bigEndian = bits.toByteArray();
        byte[] littleEndian = new byte[bigEndian.length];
        for (int i = 0; i < bigEndian.length; i++) {
            littleEndian[i] = bigEndian[bigEndian.length - 1 - i];
        }
        BitSet set = BitSet.valueOf(littleEndian);
        List<Krl.SerialRange> ranges = new ArrayList<>();
        for (int bit = set.nextSetBit(0); bit >= 0; bit = set.nextSetBit(bit + 1)) {
            long serial = offset + bit;
            if (bit > 0 && Long.compareUnsigned(serial, offset) <= 0) {
                throw new KrlFormatException("KRL serial bitmap wraps past 2^64");
            }
            ranges.add(range(serial, serial));
        }
        return ranges;
    }
}
