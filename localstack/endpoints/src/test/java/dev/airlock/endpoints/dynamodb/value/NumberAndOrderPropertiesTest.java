package dev.airlock.endpoints.dynamodb.value;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Numbers compare and are equal as decimals; strings order as their UTF-8 bytes; the wire form round-trips.
 *
 * <p>Each property runs over its edge cases (named {@code edge ...}) and then {@value #TRIES} random cases,
 * each built from its own seed (named {@code seed N}), so a failure reproduces by running the test again.
 * {@code -Dairlock.seed.base=N} explores seeds N..N+{@value #TRIES}-1 instead of 0..{@value #TRIES}-1.
 */
class NumberAndOrderPropertiesTest {

    /** Surefire names a failing case by its index only; this puts the case's name ("seed 17", "edge ...") first. */
    @RegisterExtension
    static final TestExecutionExceptionHandler NAME_THE_FAILING_CASE = (context, failure) -> {
        throw new AssertionError(context.getDisplayName() + " failed: " + failure, failure);
    };

    private static final int TRIES = 1_000;

    @ParameterizedTest
    @MethodSource("decimalPairs")
    void numbers_compareAsDecimals(BigDecimal a, BigDecimal b) {
        int order = ValueOrder.compare(new AttributeValue.N(a), new AttributeValue.N(b)).orElseThrow();

        assertThat(Integer.signum(order)).isEqualTo(Integer.signum(a.compareTo(b)));
    }

    @ParameterizedTest
    @MethodSource("decimals")
    void trailingZeros_doNotChangeANumber(BigDecimal a) {
        AttributeValue.N plain = new AttributeValue.N(a);
        AttributeValue.N padded = new AttributeValue.N(new BigDecimal(a.toPlainString() + (a.scale() > 0 ? "000" : ".000")));

        assertThat(padded).isEqualTo(plain);
        assertThat(padded.text()).isEqualTo(plain.text());
        assertThat(new BigDecimal(plain.text())).isEqualByComparingTo(a);
    }

    @ParameterizedTest
    @MethodSource("stringPairs")
    void strings_orderAsTheirUtf8Bytes(String a, String b) {
        int order = ValueOrder.compare(new AttributeValue.S(a), new AttributeValue.S(b)).orElseThrow();
        int bytes = Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

        assertThat(Integer.signum(order)).isEqualTo(Integer.signum(bytes));
    }

    @ParameterizedTest
    @MethodSource("bytePairs")
    void binaries_orderAsUnsignedBytes(byte[] a, byte[] b) {
        int order = ValueOrder.compare(new AttributeValue.B(Bytes.of(a)), new AttributeValue.B(Bytes.of(b))).orElseThrow();

        assertThat(Integer.signum(order)).isEqualTo(Integer.signum(Arrays.compareUnsigned(a, b)));
    }

    @ParameterizedTest
    @MethodSource("stringsAndLongs")
    void valuesOfDifferentTypes_areNeverOrdered(String s, long n) {
        assertThat(ValueOrder.compare(new AttributeValue.S(s), new AttributeValue.N(BigDecimal.valueOf(n)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("wireValues")
    void theWireForm_roundTrips(BigDecimal n, String s) throws Exception {
        AttributeValue.M value = new AttributeValue.M(java.util.Map.of("n", new AttributeValue.N(n), "s", new AttributeValue.S(s)));

        assertThat(AttributeValueJson.fromJson(AttributeValueJson.toJson(value))).isEqualTo(value);
    }

    // ---- cases: edge cases first, then TRIES seeded random ones ----

    static Stream<Arguments> decimalPairs() {
        List<BigDecimal> edges = decimalEdges(12, 20);
        Stream<Arguments> edgePairs = edges.stream()
                .flatMap(a -> edges.stream().map(b -> argumentSet("edge " + a + ", " + b, a, b)));
        return Stream.concat(edgePairs, seeded(r -> {
            BigDecimal a = decimal(r, 12, 20);
            return new Object[] {a, relatedDecimal(r, a, 12, 20)};
        }));
    }

    static Stream<Arguments> decimals() {
        Stream<Arguments> edges = decimalEdges(6, 12).stream().map(a -> argumentSet("edge " + a, a));
        return Stream.concat(edges, seeded(r -> new Object[] {decimal(r, 6, 12)}));
    }

    static Stream<Arguments> stringPairs() {
        Stream<Arguments> edgePairs = STRING_EDGES.stream()
                .flatMap(a -> STRING_EDGES.stream().map(b -> argumentSet("edge " + escape(a) + ", " + escape(b), a, b)));
        return Stream.concat(edgePairs, seeded(r -> {
            String a = string(r);
            return new Object[] {a, relatedString(r, a)};
        }));
    }

    static Stream<Arguments> bytePairs() {
        Stream<Arguments> edgePairs = BYTES_EDGES.stream()
                .flatMap(a -> BYTES_EDGES.stream().map(b -> argumentSet(
                        "edge " + Arrays.toString(a) + ", " + Arrays.toString(b), a, b)));
        return Stream.concat(edgePairs, seeded(r -> {
            byte[] a = bytes(r);
            return new Object[] {a, relatedBytes(r, a)};
        }));
    }

    static Stream<Arguments> stringsAndLongs() {
        Stream<Arguments> edges = STRING_EDGES.stream()
                .flatMap(s -> LONG_EDGES.stream().map(n -> argumentSet("edge " + escape(s) + ", " + n, s, n)));
        return Stream.concat(edges, seeded(r -> new Object[] {string(r), longValue(r)}));
    }

    static Stream<Arguments> wireValues() {
        List<BigDecimal> numbers = decimalEdges(5, 30);
        Stream<Arguments> edges = Stream.concat(
                numbers.stream().map(n -> argumentSet("edge " + n + ", \"\"", n, "")),
                STRING_EDGES.stream().map(s -> argumentSet("edge 0, " + escape(s), BigDecimal.ZERO, s)));
        return Stream.concat(edges, seeded(r -> new Object[] {decimal(r, 5, 30), string(r)}));
    }

    /** TRIES cases, each from its own seed; see the class comment. */
    private static Stream<Arguments> seeded(java.util.function.Function<SplittableRandom, Object[]> generate) {
        long base = Long.getLong("airlock.seed.base", 0L);
        // SplittableRandom mixes neighbouring seeds well; java.util.Random's first values for seeds 0, 1, 2... nearly agree.
        return LongStream.range(base, base + TRIES)
                .mapToObj(seed -> argumentSet("seed " + seed, generate.apply(new SplittableRandom(seed))));
    }

    // ---- generators ----

    /** 0, ±1, ±the smallest step, ±the bound and ±(the bound - the smallest step); scale 0 or {@code scale}. */
    static List<BigDecimal> decimalEdges(int scale, int boundExponent) {
        BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal bound = BigDecimal.ONE.movePointRight(boundExponent);
        List<BigDecimal> edges = new ArrayList<>();
        for (BigDecimal v : List.of(BigDecimal.ONE, step, bound, bound.subtract(step))) {
            edges.add(v);
            edges.add(v.negate());
        }
        edges.add(0, BigDecimal.ZERO);
        return edges;
    }

    /**
     * A decimal of the given scale within ±10^boundExponent: sometimes an edge, otherwise a random
     * number of random digits, so every magnitude shows up.
     */
    static BigDecimal decimal(SplittableRandom r, int scale, int boundExponent) {
        if (r.nextInt(10) == 0) {
            List<BigDecimal> edges = decimalEdges(scale, boundExponent);
            return edges.get(r.nextInt(edges.size()));
        }
        int digits = r.nextInt(1, boundExponent + scale + 1);
        BigInteger unscaled = new BigInteger(digitString(r, digits));
        return new BigDecimal(r.nextBoolean() ? unscaled : unscaled.negate(), scale);
    }

    /** Often a neighbour of {@code a}: equal, equal at another scale, one step away, negated; else unrelated. */
    static BigDecimal relatedDecimal(SplittableRandom r, BigDecimal a, int scale, int boundExponent) {
        BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
        return switch (r.nextInt(6)) {
            case 0 -> a;
            case 1 -> a.stripTrailingZeros();
            case 2 -> a.add(step).compareTo(BigDecimal.ONE.movePointRight(boundExponent)) <= 0 ? a.add(step) : a.subtract(step);
            case 3 -> a.negate();
            default -> decimal(r, scale, boundExponent);
        };
    }

    private static String digitString(SplittableRandom r, int digits) {
        StringBuilder out = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            out.append((char) ('0' + r.nextInt(10)));
        }
        return out.toString();
    }

    static final List<Long> LONG_EDGES = List.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE);

    static long longValue(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> LONG_EDGES.get(r.nextInt(LONG_EDGES.size()));
            case 1 -> r.nextLong(-1000, 1000);
            default -> r.nextLong();
        };
    }

    /**
     * Empty, ASCII, the ends of the 1-, 2- and 3-byte UTF-8 ranges, either side of the surrogates, and
     * characters outside the BMP (a surrogate pair in UTF-16, yet after U+FFFF in UTF-8 byte order).
     */
    static final List<String> STRING_EDGES = List.of("", "a", "ab", "\u0000", "\u007f", "\u0080", "\u07ff", "\u0800",
            "\ud7ff", "\ue000", "\uffff", "\ud800\udc00", "\udbff\udfff", "\ud83d\ude00");

    /** A string of valid code points, mostly short: up to 255 characters. */
    static String string(SplittableRandom r) {
        if (r.nextInt(10) == 0) {
            return STRING_EDGES.get(r.nextInt(STRING_EDGES.size()));
        }
        int length = length(r);
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.appendCodePoint(codePoint(r));
        }
        return out.toString();
    }

    /** ASCII (controls included), 2-byte, 3-byte below and above the surrogates, and supplementary code points. */
    static int codePoint(SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0, 1, 2, 3 -> r.nextInt(0, 0x80);
            case 4, 5 -> r.nextInt(0x80, 0x800);
            case 6 -> r.nextInt(0x800, Character.MIN_SURROGATE);
            case 7 -> r.nextInt(Character.MAX_SURROGATE + 1, 0x10000);
            default -> r.nextInt(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT + 1);
        };
    }

    /** Often shares a prefix with {@code a}, so the comparison has to look past the first character. */
    static String relatedString(SplittableRandom r, String a) {
        int cut = a.offsetByCodePoints(0, r.nextInt(a.codePointCount(0, a.length()) + 1));
        return switch (r.nextInt(5)) {
            case 0 -> a;
            case 1 -> a.substring(0, cut);
            case 2 -> a + string(r);
            case 3 -> a.substring(0, cut) + string(r);
            default -> string(r);
        };
    }

    static final List<byte[]> BYTES_EDGES = List.of(new byte[0], new byte[] {0}, new byte[] {0, 0},
            new byte[] {1}, new byte[] {0x7f}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xff});

    /** Random bytes, mostly short (up to 255), with 0x00, 0x7f, 0x80 and 0xff common. */
    static byte[] bytes(SplittableRandom r) {
        if (r.nextInt(10) == 0) {
            return BYTES_EDGES.get(r.nextInt(BYTES_EDGES.size())).clone();
        }
        byte[] out = new byte[length(r)];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.nextInt(4) == 0 ? (byte) List.of(0x00, 0x7f, 0x80, 0xff).get(r.nextInt(4)).intValue()
                    : (byte) r.nextInt(256);
        }
        return out;
    }

    /** Often a prefix, an extension or a one-byte change of {@code a}. */
    static byte[] relatedBytes(SplittableRandom r, byte[] a) {
        int cut = r.nextInt(a.length + 1);
        return switch (r.nextInt(5)) {
            case 0 -> a.clone();
            case 1 -> Arrays.copyOf(a, cut);
            case 2 -> {
                byte[] tail = bytes(r);
                byte[] out = Arrays.copyOf(a, a.length + tail.length);
                System.arraycopy(tail, 0, out, a.length, tail.length);
                yield out;
            }
            case 3 -> {
                byte[] out = a.clone();
                if (out.length > 0) {
                    out[r.nextInt(out.length)] = (byte) r.nextInt(256);
                }
                yield out;
            }
            default -> bytes(r);
        };
    }

    /** Mostly small lengths, sometimes up to 255. */
    static int length(SplittableRandom r) {
        return r.nextInt(0, switch (r.nextInt(4)) {
            case 0 -> 4;
            case 1 -> 16;
            case 2 -> 64;
            default -> 256;
        });
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.append('"').toString();
    }
}
