package dev.airlock.core.usecase;

import dev.airlock.domain.error.InvalidRequestException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * docs/API.md: an {@code Idempotency-Key} is at most 128 printable ASCII characters.
 *
 * <p>Each property runs over edge cases (named {@code edge ...}) and {@value #TRIES} random cases, each built
 * from its own seed (named {@code seed N}), so a failure reproduces by running the test again.
 * {@code -Dairlock.seed.base=N} explores seeds N..N+{@value #TRIES}-1 instead of 0..{@value #TRIES}-1.
 */
class IdempotencyKeyPropertiesTest {

    /** Surefire names a failing case by its index only; this puts the case's name ("seed 17", "edge ...") first. */
    @RegisterExtension
    static final TestExecutionExceptionHandler NAME_THE_FAILING_CASE = (context, failure) -> {
        throw new AssertionError(context.getDisplayName() + " failed: " + failure, failure);
    };

    private static final int TRIES = 1_000;

    /** Where the printable range and the unprintable ranges meet, and the ends of the char range. */
    private static final List<Character> UNPRINTABLE_EDGES = List.of('\u0000', '\t', '\n', '\r', '\u001f', '\u007f',
            '\u0080', '\u00a0', '\u00ff', '\u2028', '\ud800', '\udfff', '\ufeff', '\uffff');

    @ParameterizedTest
    @MethodSource("printableKeys")
    void printableKeysUpTo128CharactersAreAccepted(String key) {
        assertThat(RequestAccess.checkIdempotencyKey(Optional.of(key))).contains(key);
    }

    @ParameterizedTest
    @MethodSource("keysWithOneBadCharacter")
    void aKeyWithAnyOtherCharacterIsRefused(String prefix, char bad) {
        assertThatThrownBy(() -> RequestAccess.checkIdempotencyKey(Optional.of(prefix + bad)))
                .isInstanceOf(InvalidRequestException.class)
                .hasFieldOrPropertyWithValue("code", "invalid_idempotency_key");
    }

    // ---- cases: edge cases first, then TRIES seeded random ones ----

    static Stream<Arguments> printableKeys() {
        int max = RequestAccess.MAX_IDEMPOTENCY_KEY_LENGTH;
        Stream<Arguments> edges = Stream.of(
                argumentSet("edge \"!\"", "!"),
                argumentSet("edge \"~\"", "~"),
                argumentSet("edge inner and trailing spaces", "a b  "),
                argumentSet("edge every printable character", allPrintable().substring(0, max)),
                argumentSet("edge " + max + " characters", "k".repeat(max)));
        return Stream.concat(edges, seeds().mapToObj(seed -> argumentSet("seed " + seed, printable(random(seed)))));
    }

    static Stream<Arguments> keysWithOneBadCharacter() {
        Stream<Arguments> edges = UNPRINTABLE_EDGES.stream().flatMap(bad -> Stream.of(
                argumentSet(String.format("edge \"a\" + \\u%04x", (int) bad), "a", bad),
                argumentSet(String.format("edge %d characters + \\u%04x", RequestAccess.MAX_IDEMPOTENCY_KEY_LENGTH - 1,
                        (int) bad), "k".repeat(RequestAccess.MAX_IDEMPOTENCY_KEY_LENGTH - 1), bad)));
        Stream<Arguments> random = seeds().mapToObj(seed -> {
            SplittableRandom r = random(seed);
            return argumentSet("seed " + seed, printable(r), unprintable(r));
        });
        return Stream.concat(edges, random);
    }

    /** The seeds of the random cases; see the class comment. */
    static LongStream seeds() {
        long base = Long.getLong("airlock.seed.base", 0L);
        return LongStream.range(base, base + TRIES);
    }

    /** SplittableRandom, not Random: java.util.Random's first values for seeds 0, 1, 2... nearly agree. */
    private static SplittableRandom random(long seed) {
        return new SplittableRandom(seed);
    }

    // ---- generators ----

    /** A non-space printable character, then up to 126 printable ASCII characters (spaces included). */
    static String printable(SplittableRandom r) {
        StringBuilder key = new StringBuilder().append((char) r.nextInt('!', '~' + 1));
        int rest = r.nextInt(0, 1 + (r.nextBoolean() ? 16 : RequestAccess.MAX_IDEMPOTENCY_KEY_LENGTH - 2));
        for (int i = 0; i < rest; i++) {
            key.append((char) r.nextInt(' ', '~' + 1));
        }
        return key.toString();
    }

    /** Half a control character (U+0000..U+001F), half anything from U+007F up. */
    static char unprintable(SplittableRandom r) {
        if (r.nextInt(10) == 0) {
            return UNPRINTABLE_EDGES.get(r.nextInt(UNPRINTABLE_EDGES.size()));
        }
        return r.nextBoolean() ? (char) r.nextInt(0, 0x20) : (char) r.nextInt(0x7f, 0x10000);
    }

    /** The 95 printable ASCII characters, '!' first and space last, twice over. */
    private static String allPrintable() {
        StringBuilder all = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            all.append(c);
        }
        return all.append(' ').toString().repeat(2);
    }
}
