package dev.airlock.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixed inputs give fixed certificate bytes; see {@code vectors/README.md} for the ssh-keygen cross-check. */
class KnownAnswerTest {

    static final java.util.List<KnownAnswerVectors.Vector> VECTORS = KnownAnswerVectors.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("VECTORS")
    void certificate_matchesTheCommittedVector(KnownAnswerVectors.Vector vector) throws IOException {
        String expected = resource(vector.resource()).trim();

        String actual = vector.issue().toOpenSshLine(vector.name());

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void vectors_areReproducible() {
        assertThat(KnownAnswerVectors.ED25519_USER.issue().blob())
                .isEqualTo(KnownAnswerVectors.ED25519_USER.issue().blob());
    }

    @Test
    void testOnlyCaKeys_haveTheDocumentedFingerprints() throws IOException {
        String readme = resource("vectors/README.md");

        assertThat(readme).contains(KnownAnswerVectors.ED25519_CA.publicKey().fingerprint());
        assertThat(readme).contains(KnownAnswerVectors.P256_CA.publicKey().fingerprint());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = KnownAnswerTest.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
