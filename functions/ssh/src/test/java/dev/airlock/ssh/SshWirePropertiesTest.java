package dev.airlock.ssh;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Round trips and RFC 4251 encodings over edge cases (named {@code edge ...}) and {@value #TRIES} random
 * cases, each built from its own seed (named {@code seed N}), so a failure reproduces by running the test
 * again. {@code -Dairlock.seed.base=N} explores seeds N..N+{@value #TRIES}-1 instead of 0..{@value #TRIES}-1.
 */
class SshWirePropertiesTest {

    /** Surefire names a failing case by its index only; this puts the case's name ("seed 17", "edge ...") first. */
    @RegisterExtension
    static final TestExecutionExceptionHandler NAME_THE_FAILING_CASE = (context, failure) -> {
        throw new AssertionError(context.getDisplayName() + " failed: " + failure, failure);
    };

    private static final int TRIES = 1_000;

    @ParameterizedTest
    @MethodSource("mpints")
    void mpint_roundTrips(BigInteger value) {
        SshWireReader reader = new SshWireReader(new SshWire().mpint(value).toByteArray());

        assertThat(reader.mpint()).isEqualTo(value);
        assertThat(reader.hasRemaining()).isFalse();
    }

    /** RFC 4251 §5: the top bit of the first byte is the sign, and no unnecessary 0x00/0xFF byte leads. */
    @ParameterizedTest
    @MethodSource("mpints")
    void mpint_signBitAndMinimality(BigInteger value) {
        byte[] body = new SshWireReader(new SshWire().mpint(value).toByteArray()).string();

        if (value.signum() == 0) {
            assertThat(body).isEmpty();
            return;
        }
        assertThat(body[0] < 0).isEqualTo(value.signum() < 0);
        if (body.length > 1) {
            boolean redundantZero = body[0] == 0 && body[1] >= 0;
            boolean redundantFf = body[0] == (byte) 0xFF && body[1] < 0;
            assertThat(redundantZero || redundantFf).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("longsAndInts")
    void uint64AndUint32_roundTrip(long big, int small) {
        long unsigned32 = Integer.toUnsignedLong(small);
        SshWireReader reader = new SshWireReader(new SshWire().uint64(big).uint32(unsigned32).toByteArray());

        assertThat(reader.uint64()).isEqualTo(big);
        assertThat(reader.uint32()).isEqualTo(unsigned32);
    }

    @ParameterizedTest
    @MethodSource("byteArrays")
    void string_roundTrips(byte[] value) {
        SshWireReader reader = new SshWireReader(new SshWire().string(value).toByteArray());

        assertThat(reader.string()).isEqualTo(value);
        reader.requireEnd("string");
    }

    @ParameterizedTest
    @MethodSource("nameLists")
    void nameList_roundTrips(List<String> names) {
        byte[] encoded = new SshWire().nameList(names).toByteArray();

        assertThat(new SshWireReader(encoded).nameList()).isEqualTo(names);
    }

    // ---- cases: edge cases first, then TRIES seeded random ones ----

    private static final BigInteger WIDE = BigInteger.ONE.shiftLeft(4096);

    /** 0, ±1, ±2^4096 and the sign-padding boundaries of 1 to 3 bytes; then random values. */
    static Stream<Arguments> mpints() {
        List<Arguments> edges = new ArrayList<>(List.of(argumentSet("edge 0", BigInteger.ZERO),
                argumentSet("edge 1", BigInteger.ONE), argumentSet("edge -1", BigInteger.ONE.negate()),
                argumentSet("edge 2^4096", WIDE), argumentSet("edge -2^4096", WIDE.negate())));
        for (int bytes = 1; bytes <= 3; bytes++) {
            boundaries(bytes).forEach(v -> edges.add(argumentSet("edge " + v, v)));
        }
        return Stream.concat(edges.stream(), seeded(r -> new Object[] {mpint(r)}));
    }

    static Stream<Arguments> longsAndInts() {
        List<Long> longs = List.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 0xFFFF_FFFFL, 0x1_0000_0000L);
        List<Integer> ints = List.of(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE);
        Stream<Arguments> edges = longs.stream()
                .flatMap(l -> ints.stream().map(i -> argumentSet("edge " + l + ", " + i, l, i)));
        return Stream.concat(edges, seeded(r -> new Object[] {
                pick(r, longs, () -> r.nextBoolean() ? r.nextLong() : r.nextLong(-1000, 1000)),
                pick(r, ints, () -> r.nextBoolean() ? r.nextInt() : r.nextInt(-1000, 1000))}));
    }

    static Stream<Arguments> byteArrays() {
        List<byte[]> edges = List.of(new byte[0], new byte[] {0}, new byte[] {(byte) 0xFF}, new byte[] {0x7F},
                new byte[] {(byte) 0x80}, new byte[255], filled(256, (byte) 0xFF));
        return Stream.concat(edges.stream().map(b -> argumentSet("edge " + b.length + " bytes " + preview(b), b)),
                seeded(r -> {
                    byte[] value = new byte[length(r, 255)];
                    r.nextBytes(value);
                    return new Object[] {value};
                }));
    }

    static Stream<Arguments> nameLists() {
        List<List<String>> edges = List.of(List.of(), List.of("!"), List.of("~"), List.of("a".repeat(20)),
                List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512"),
                List.of("a", "b", "c", "d", "e", "f", "g", "h"));
        return Stream.concat(edges.stream().map(n -> argumentSet("edge " + n, n)),
                seeded(r -> new Object[] {names(r)}));
    }

    /** TRIES cases, each from its own seed; see the class comment. */
    private static Stream<Arguments> seeded(Function<SplittableRandom, Object[]> generate) {
        long base = Long.getLong("airlock.seed.base", 0L);
        // SplittableRandom mixes neighbouring seeds well; java.util.Random's first values for seeds 0, 1, 2... nearly agree.
        return LongStream.range(base, base + TRIES)
                .mapToObj(seed -> argumentSet("seed " + seed, generate.apply(new SplittableRandom(seed))));
    }

    // ---- generators ----

    /**
     * Half wide random values within ±2^4096 (of every bit length), half the byte-boundary cases where the
     * sign padding changes (±2^(8k-1), ±2^(8k-1) ± 1, k from 1 to 64).
     */
    static BigInteger mpint(SplittableRandom r) {
        if (r.nextBoolean()) {
            List<BigInteger> edges = boundaries(r.nextInt(1, 65));
            return edges.get(r.nextInt(edges.size()));
        }
        int bits = r.nextInt(0, 4097);
        BigInteger magnitude = new BigInteger(bits, new java.util.Random(r.nextLong()));
        return r.nextBoolean() ? magnitude.negate() : magnitude;
    }

    /** ±2^(8k-1) and its neighbours, where an mpint of k bytes needs (or stops needing) a padding byte. */
    static List<BigInteger> boundaries(int bytes) {
        BigInteger edge = BigInteger.ONE.shiftLeft(8 * bytes - 1);
        return List.of(edge, edge.subtract(BigInteger.ONE), edge.add(BigInteger.ONE),
                edge.negate(), edge.negate().subtract(BigInteger.ONE), edge.negate().add(BigInteger.ONE));
    }

    /** Up to 8 names of 1 to 20 characters from '!'..'~' without ','. */
    static List<String> names(SplittableRandom r) {
        int count = r.nextInt(0, 9);
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = r.nextInt(1, 21);
            StringBuilder name = new StringBuilder(length);
            while (name.length() < length) {
                char c = (char) r.nextInt('!', '~' + 1);
                if (c != ',') {
                    name.append(c);
                }
            }
            names.add(name.toString());
        }
        return names;
    }

    /** One of {@code edges} one time in ten, else {@code random}. */
    private static <T> T pick(SplittableRandom r, List<T> edges, java.util.function.Supplier<T> random) {
        return r.nextInt(10) == 0 ? edges.get(r.nextInt(edges.size())) : random.get();
    }

    /** Mostly short, sometimes up to {@code max}. */
    private static int length(SplittableRandom r, int max) {
        return r.nextInt(0, 1 + (r.nextBoolean() ? Math.min(max, 16) : max));
    }

    private static byte[] filled(int length, byte value) {
        byte[] out = new byte[length];
        Arrays.fill(out, value);
        return out;
    }

    private static String preview(byte[] b) {
        return b.length <= 4 ? Arrays.toString(b) : "";
    }
}
