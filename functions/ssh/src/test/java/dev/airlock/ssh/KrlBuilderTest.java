package dev.airlock.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The KRL encoder: header layout, section choice and a round trip through {@link KrlParser}. */
class KrlBuilderTest {

    private static final SshPublicKey CA = SshPublicKey.parse(TestOnlyPublicKeys.line("ed25519"));
    private static final Instant GENERATED = Instant.parse("2026-12-06T01:02:03Z");

    @Test
    void header_followsProtocolKrlFieldOrder() {
        byte[] krl = KrlBuilder.forCa(CA).version(42).generatedAt(GENERATED).comment("airlock").build();
        ByteBuffer in = ByteBuffer.wrap(krl);

        byte[] magic = new byte[8];
        in.get(magic);
        assertThat(magic).isEqualTo("SSHKRL\n\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(in.getInt()).isEqualTo(1);
        assertThat(in.getLong()).isEqualTo(42);
        assertThat(in.getLong()).isEqualTo(GENERATED.getEpochSecond());
        assertThat(in.getLong()).isZero(); // flags
        assertThat(in.getInt()).isZero(); // reserved
        assertThat(in.getInt()).isEqualTo(7);
        in.position(in.position() + 7);
        assertThat(in.get()).isEqualTo((byte) 1); // KRL_SECTION_CERTIFICATES
    }

    @Test
    void emptyKrl_stillNamesTheCa() {
        Krl parsed = KrlParser.parse(KrlBuilder.forCa(CA).version(1).build());

        assertThat(parsed.sections()).singleElement().satisfies(s -> {
            assertThat(s.caKey()).contains(CA);
            assertThat(s.serials()).isEmpty();
        });
    }

    @Test
    void consecutiveSerials_becomeOneRange() {
        List<Long> serials = LongStream.rangeClosed(1000, 1999).boxed().toList();

        byte[] krl = KrlBuilder.forCa(CA).revokeSerials(serials).build();

        assertThat(subsectionTypes(krl)).containsExactly(KrlSerialPlanner.RANGE);
        assertThat(KrlParser.parse(krl).sections().get(0).serials())
                .containsExactly(new Krl.SerialRange(1000, 1999));
    }

    @Test
    void scatteredSerials_becomeOneList() {
        byte[] krl = KrlBuilder.forCa(CA).revokeSerial(-5).revokeSerial(1L << 40).revokeSerial(77).build();

        assertThat(subsectionTypes(krl)).containsExactly(KrlSerialPlanner.LIST);
        Krl parsed = KrlParser.parse(krl);
        assertThat(parsed.sections().get(0).serials()).extracting(Krl.SerialRange::lo)
                .containsExactly(77L, 1L << 40, -5L); // unsigned order: -5 is 2^64 - 5
    }

    @Test
    void denseSerials_becomeABitmap() {
        byte[] krl = KrlBuilder.forCa(CA).revokeSerial(5).revokeSerial(7).revokeSerial(9).revokeSerial(12).build();

        assertThat(subsectionTypes(krl)).containsExactly(KrlSerialPlanner.BITMAP);
        assertThat(KrlParser.parse(krl).serialCount()).isEqualTo(4);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void roundTrip_revokesExactlyTheGivenSerials(long seed) {
        Random random = new Random(seed);
        Set<Long> serials = new HashSet<>();
        long base = random.nextLong();
        for (int i = 0; i < 300; i++) {
            // a mix of clusters, runs and scattered serials, wrapping around 2^64 included
            serials.add(random.nextInt(4) == 0 ? random.nextLong() : base + random.nextInt(2000));
        }
        serials.remove(0L);

        Krl parsed = KrlParser.parse(KrlBuilder.forCa(CA).revokeSerials(serials).build());

        Set<Long> listed = new HashSet<>();
        parsed.sections().get(0).serials().forEach(r -> {
            for (long s = r.lo(); ; s++) {
                listed.add(s);
                if (s == r.hi()) {
                    break;
                }
            }
        });
        assertThat(listed).isEqualTo(serials);
        serials.forEach(s -> assertThat(parsed.revokesSerial(CA, s)).isTrue());
        assertThat(parsed.revokesSerial(CA, base - 1) == serials.contains(base - 1)).isTrue();
    }

    @Test
    void comment_refusesControlCharacters() {
        assertThatThrownBy(() -> KrlBuilder.forCa(CA).comment("a\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The subsection types of the single certificates section, in order. */
    static List<Integer> subsectionTypes(byte[] krl) {
        SshWireReader in = new SshWireReader(java.util.Arrays.copyOfRange(krl, 8, krl.length));
        in.uint32();
        in.uint64();
        in.uint64();
        in.uint64();
        in.string();
        in.string();
        assertThat(in.uint8()).isEqualTo(1);
        SshWireReader section = new SshWireReader(in.string());
        section.string();
        section.string();
        List<Integer> types = new ArrayList<>();
        while (section.hasRemaining()) {
            types.add(section.uint8());
            section.string();
        }
        return types;
    }
}
