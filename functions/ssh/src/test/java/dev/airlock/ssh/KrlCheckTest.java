package dev.airlock.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a host-side sync must refuse before replacing its {@code RevokedKeys} file. */
class KrlCheckTest {

    private static final SshPublicKey CA = SshPublicKey.parse(TestOnlyPublicKeys.line("ed25519"));
    private static final SshPublicKey OTHER_CA = SshPublicKey.parse(TestOnlyPublicKeys.line("ecdsa_256"));
    private static final byte[] GOOD = KrlBuilder.forCa(CA).version(9).revokeSerial(3).revokeSerial(99).build();

    @Test
    void goodKrlForTheTrustedCa_isAccepted() {
        Krl krl = KrlCheck.requireUsable(GOOD, CA);

        assertThat(krl.version()).isEqualTo(9);
        assertThat(krl.revokesSerial(CA, 99)).isTrue();
        assertThat(krl.revokesSerial(CA, 4)).isFalse();
    }

    @Test
    void krlForAnotherCa_isRefused() {
        assertThatThrownBy(() -> KrlCheck.requireUsable(GOOD, OTHER_CA))
                .isInstanceOf(KrlFormatException.class).hasMessageContaining("not " + OTHER_CA.fingerprint());
    }

    @ParameterizedTest(name = "truncated to {0} bytes")
    @ValueSource(ints = {0, 4, 8, 20, 43, 60})
    void truncatedKrl_isRefused(int length) {
        byte[] truncated = Arrays.copyOf(GOOD, Math.min(length, GOOD.length - 1));

        assertThatThrownBy(() -> KrlCheck.requireUsable(truncated, CA)).isInstanceOf(KrlFormatException.class);
    }

    @Test
    void everyStrictPrefix_isRefused() {
        for (int length = 0; length < GOOD.length; length++) {
            byte[] prefix = Arrays.copyOf(GOOD, length);
            assertThatThrownBy(() -> KrlCheck.requireUsable(prefix, CA)).as("prefix of %d bytes", length)
                    .isInstanceOf(KrlFormatException.class);
        }
    }

    @Test
    void htmlErrorPage_isRefusedForItsMagic() {
        byte[] page = "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> KrlCheck.requireUsable(page, CA))
                .isInstanceOf(KrlFormatException.class).hasMessageContaining("magic");
    }

    @Test
    void otherFormatVersion_isRefused() {
        byte[] changed = GOOD.clone();
        changed[11] = 2;

        assertThatThrownBy(() -> KrlCheck.requireUsable(changed, CA))
                .isInstanceOf(KrlFormatException.class).hasMessageContaining("format version 2");
    }

    @Test
    void trailingGarbage_isRefused() {
        byte[] longer = Arrays.copyOf(GOOD, GOOD.length + 3);

        assertThatThrownBy(() -> KrlCheck.requireUsable(longer, CA)).isInstanceOf(KrlFormatException.class);
    }

    @Test
    void olderVersionThanInstalled_isRefused() {
        assertThatThrownBy(() -> KrlCheck.requireUsableAndNotOlder(GOOD, CA, 10))
                .isInstanceOf(KrlFormatException.class).hasMessageContaining("older");
        assertThat(KrlCheck.requireUsableAndNotOlder(GOOD, CA, 9).version()).isEqualTo(9);
    }
}
