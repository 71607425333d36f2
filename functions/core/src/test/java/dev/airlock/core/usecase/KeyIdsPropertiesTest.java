package dev.airlock.core.usecase;

import dev.airlock.core.testing.TestKeys;
import dev.airlock.ssh.SshCertificateBuilder;
import dev.airlock.ssh.SshPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Whatever the user name and roles, the key id fits the certificate and splits back into its fields.
 *
 * <p>The property runs over edge cases (named {@code edge ...}) and {@value #TRIES} random cases, each built
 * from its own seed (named {@code seed N}), so a failure reproduces by running the test again.
 * {@code -Dairlock.seed.base=N} explores seeds N..N+{@value #TRIES}-1 instead of 0..{@value #TRIES}-1.
 */
class KeyIdsPropertiesTest {

    /** Surefire names a failing case by its index only; this puts the case's name ("seed 17", "edge ...") first. */
    @RegisterExtension
    static final TestExecutionExceptionHandler NAME_THE_FAILING_CASE = (context, failure) -> {
        throw new AssertionError(context.getDisplayName() + " failed: " + failure, failure);
    };

    private static final SshPublicKey SUBJECT = SshPublicKey.parse(TestKeys.ed25519PublicKeyLine());
    private static final int TRIES = 300;

    @ParameterizedTest
    @MethodSource("keyIdInputs")
    void keyIdFitsTheCertificateAndKeepsItsShape(String user, List<String> roles, Optional<String> requestId,
                                                 long serial) {
        boolean underRequest = requestId.isPresent();
        String serialText = Long.toUnsignedString(serial);

        String keyId = KeyIds.of(user, requestId, roles, serialText);

        assertThat(keyId.length()).isLessThanOrEqualTo(SshCertificateBuilder.MAX_KEY_ID_CHARS);
        assertThat(keyId.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        String[] fields = keyId.split(" ", -1);
        assertThat(fields).hasSize(underRequest ? 4 : 3);
        assertThat(fields[0]).startsWith("user=");
        if (underRequest) {
            assertThat(fields[1]).isEqualTo("request=" + requestId.get());
        }
        assertThat(fields[fields.length - 1]).isEqualTo("serial=" + serialText);
        String listed = rolesField(keyId);
        String all = roles.isEmpty() ? "-" : String.join(",", roles);
        int plus = listed.indexOf('+');
        if (plus < 0) {
            assertThat(listed).isEqualTo(all);
        } else {
            // cut only when everything would not fit, and the overflow is counted, never silently dropped
            assertThat(keyId.length() - listed.length() + all.length()).isGreaterThan(SshCertificateBuilder.MAX_KEY_ID_CHARS);
            List<String> kept = plus == 0 ? List.of() : List.of(listed.substring(0, plus - 1).split(","));
            assertThat(roles.subList(0, kept.size())).isEqualTo(kept);
            assertThat(Integer.parseInt(listed.substring(plus + 1))).isEqualTo(roles.size() - kept.size());
        }
        assertThatCode(() -> SshCertificateBuilder.userCertificate(SUBJECT).keyId(keyId)).doesNotThrowAnyException();
    }

    /** Guards the property itself: it would prove little if at least 10 random role lists were not cut, and 10 not. */
    @Test
    void randomRoleListsAreSometimesCutAndSometimesNot() {
        int cut = 0;
        for (long seed : seeds().toArray()) {
            Input in = randomInput(new SplittableRandom(seed));
            String keyId = KeyIds.of(in.user(), in.requestId(), in.roles(), Long.toUnsignedString(in.serial()));
            if (rolesField(keyId).contains("+")) {
                cut++;
            }
        }
        assertThat(cut).as("role lists cut").isGreaterThanOrEqualTo(10);
        assertThat(TRIES - cut).as("role lists not cut").isGreaterThanOrEqualTo(10);
    }

    private static String rolesField(String keyId) {
        String[] fields = keyId.split(" ", -1);
        return fields[fields.length - 2].substring("roles=".length());
    }

    // ---- cases: edge cases first, then TRIES seeded random ones ----

    static Stream<Arguments> keyIdInputs() {
        Optional<String> request = Optional.of("3f2b8c1e-6d4a-4b7e-9a1f-2c3d4e5f6a7b");
        String longest = "r".repeat(64);
        Stream<Arguments> edges = Stream.of(
                argumentSet("edge empty user, no roles, serial 0", "", List.of(), Optional.empty(), 0L),
                argumentSet("edge one role, serial 2^64-1", "alice", List.of("dba"), request, -1L),
                argumentSet("edge serial 2^63", "alice", List.of("dba"), Optional.empty(), Long.MIN_VALUE),
                argumentSet("edge serial 2^63-1", "alice", List.of("dba"), request, Long.MAX_VALUE),
                argumentSet("edge user of spaces and controls", " \t\n\u0000\u007f ", List.of("a"), request, 1L),
                argumentSet("edge user beyond ASCII", "jürgen\u00a0\u2028\uffff\ud83d\ude00", List.of("a"), request, 1L),
                argumentSet("edge user of 300 characters", "u".repeat(300), List.of("dba"), request, -1L),
                argumentSet("edge 40 roles of 64 characters", "alice", Collections.nCopies(40, longest), request, -1L),
                argumentSet("edge 300-character user and 40 roles of 64", "u".repeat(300),
                        Collections.nCopies(40, longest), request, -1L),
                argumentSet("edge 40 one-letter roles", "alice", Collections.nCopies(40, "a"), Optional.empty(), 7L));
        Stream<Arguments> random = seeds().mapToObj(seed -> randomInput(new SplittableRandom(seed)).named("seed " + seed));
        return Stream.concat(edges, random);
    }

    /** The seeds of the random cases; see the class comment. */
    static LongStream seeds() {
        long base = Long.getLong("airlock.seed.base", 0L);
        return LongStream.range(base, base + TRIES);
    }

    // ---- generators ----

    /** The property's parameters. */
    record Input(String user, List<String> roles, Optional<String> requestId, long serial) {
        Arguments named(String name) {
            return argumentSet(name, user, roles, requestId, serial);
        }
    }

    static Input randomInput(SplittableRandom r) {
        String user = user(r);
        List<String> roles = roleList(r);
        Optional<String> requestId = r.nextBoolean()
                ? Optional.of(new UUID(r.nextLong(), r.nextLong()).toString()) : Optional.empty();
        long serial = r.nextInt(10) == 0 ? List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE).get(r.nextInt(5))
                : r.nextLong();
        return new Input(user, roles, requestId, serial);
    }

    /** Up to 300 characters of any kind: ASCII with spaces and controls, beyond ASCII, outside the BMP. */
    static String user(SplittableRandom r) {
        int length = r.nextInt(0, 1 + (r.nextBoolean() ? 16 : 300));
        StringBuilder user = new StringBuilder();
        while (user.length() < length) {
            user.appendCodePoint(switch (r.nextInt(8)) {
                case 0, 1, 2, 3 -> r.nextInt(0x20, 0x7f);
                case 4 -> r.nextInt(0, 0x20);
                case 5 -> r.nextInt(0x7f, Character.MIN_SURROGATE);
                case 6 -> r.nextInt(Character.MAX_SURROGATE + 1, 0x10000);
                default -> r.nextInt(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT + 1);
            });
        }
        // the cut may leave half a surrogate pair, as any Java string may
        return user.substring(0, length);
    }

    /**
     * Up to 40 role names of a-z, 0-9, '-', '.', '_' starting with a letter or digit; in half the lists names
     * are up to 8 characters (the list mostly fits), in the other half up to 64 (a long list is cut).
     */
    static List<String> roleList(SplittableRandom r) {
        String first = "abcdefghijklmnopqrstuvwxyz0123456789";
        String rest = first + "-._";
        int maxLength = r.nextBoolean() ? 8 : 64;
        List<String> roles = new ArrayList<>();
        for (int i = r.nextInt(0, 41); i > 0; i--) {
            StringBuilder name = new StringBuilder().append(first.charAt(r.nextInt(first.length())));
            for (int j = r.nextInt(0, maxLength); j > 0; j--) {
                name.append(rest.charAt(r.nextInt(rest.length())));
            }
            roles.add(name.toString());
        }
        return roles;
    }
}
