package dev.airlock.ssh;

import dev.airlock.ssh.testing.ExternalCommand;
import dev.airlock.ssh.testing.InMemoryCertificateAuthority;
import dev.airlock.ssh.testing.SshKeygen;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known answers from the real OpenSSH: for the same serials and CA, {@code ssh-keygen -k -f krl -s
 * ca.pub -z version serials.txt} writes byte for byte the KRL {@link KrlBuilder} writes (only the
 * generated date differs, so ours is given the date ssh-keygen wrote), and {@code ssh-keygen -Q}
 * finds exactly the revoked certificates of each CA key type in our KRL.
 */
class KrlSshKeygenIT {

    private static final long VERSION = 7;
    /** Offset of {@code generated_date}: magic (8) + format version (4) + KRL version (8). */
    private static final int GENERATED_DATE_OFFSET = 20;

    @TempDir
    Path directory;

    static Stream<Arguments> serialSets() {
        Random random = new Random(15);
        long cluster = 1L << 50;
        return Stream.of(
                Arguments.of("one serial", List.of(42L)),
                Arguments.of("scattered", List.of(3L, 1L << 33, -2L, 999_999L)),
                Arguments.of("one run", LongStream.rangeClosed(500, 900).boxed().toList()),
                Arguments.of("dense", List.of(5L, 7L, 10L, 11L, 12L, 13L, 20L)),
                Arguments.of("runs and gaps", Stream.of(LongStream.rangeClosed(100, 300), LongStream.of(310, 320, 5000),
                        LongStream.rangeClosed(5002, 5010), LongStream.of(Long.MAX_VALUE)).flatMapToLong(s -> s)
                        .boxed().toList()),
                Arguments.of("random 64-bit", random.longs(500).filter(s -> s != 0).boxed().toList()),
                Arguments.of("random clustered", random.longs(2000, 0, 20_000).map(s -> cluster + s).boxed()
                        .distinct().toList()));
    }

    static Stream<Arguments> caKinds() {
        return Stream.of(
                Arguments.of("ed25519", InMemoryCertificateAuthority.ed25519()),
                Arguments.of("ecdsa-p256", InMemoryCertificateAuthority.ecdsaP256()),
                Arguments.of("rsa-3072", InMemoryCertificateAuthority.rsa(3072, SshSignatureAlgorithm.RSA_SHA2_256)));
    }

    static Stream<Arguments> serialSetsTimesCas() {
        List<Arguments> cas = caKinds().toList();
        return serialSets().flatMap(set -> cas.stream().limit(set.get()[0].equals("dense") ? 3 : 1)
                .map(ca -> Arguments.of(set.get()[0], set.get()[1], ca.get()[0], ca.get()[1])));
    }

    @ParameterizedTest(name = "{0}, {2} CA")
    @MethodSource("serialSetsTimesCas")
    void krl_isByteForByteWhatSshKeygenWrites(String name, List<Long> serials, String caKind,
                                             CertificateAuthority ca) throws IOException {
        byte[] theirs = sshKeygenKrl(ca.publicKey(), serials);
        Instant theirDate = Instant.ofEpochSecond(ByteBuffer.wrap(theirs).getLong(GENERATED_DATE_OFFSET));

        byte[] ours = KrlBuilder.forCa(ca.publicKey()).version(VERSION).generatedAt(theirDate)
                .revokeSerials(serials).build();

        assertThat(ours).isEqualTo(theirs);
    }

    @ParameterizedTest(name = "{0} CA")
    @MethodSource("caKinds")
    void sshKeygenQuery_findsRevokedCertificatesOnly(String kind, InMemoryCertificateAuthority ca) throws IOException {
        SshPublicKey subject = SshPublicKey.parse(TestOnlyPublicKeys.line("ed25519"));
        Path krl = directory.resolve("krl");
        Files.write(krl, KrlBuilder.forCa(ca.publicKey()).version(VERSION).generatedAt(Instant.EPOCH)
                .revokeSerials(List.of(11L, 12L, 13L, -9L)).build());

        for (long serial : List.of(11L, 13L, -9L)) {
            ExternalCommand.Result result = query(krl, certificate(subject, ca, serial));
            assertThat(result.exitCode()).as("serial %s: %s", Long.toUnsignedString(serial), result.stdout())
                    .isEqualTo(1);
            assertThat(result.stdout()).contains("REVOKED");
        }
        for (long serial : List.of(10L, 14L, -8L)) {
            ExternalCommand.Result result = query(krl, certificate(subject, ca, serial));
            assertThat(result.exitCode()).as("serial %s: %s %s", Long.toUnsignedString(serial), result.stdout(),
                    result.stderr()).isZero();
            assertThat(result.stdout()).contains("ok");
        }
    }

    @ParameterizedTest(name = "{0} CA")
    @MethodSource("caKinds")
    void sshKeygenQuery_doesNotRevokeAnotherCasCertificate(String kind, InMemoryCertificateAuthority ca)
            throws IOException {
        SshPublicKey subject = SshPublicKey.parse(TestOnlyPublicKeys.line("ed25519"));
        Path krl = directory.resolve("krl");
        Files.write(krl, KrlBuilder.forCa(ca.publicKey()).revokeSerial(11).build());

        ExternalCommand.Result result = query(krl, certificate(subject, InMemoryCertificateAuthority.ed25519(), 11));

        assertThat(result.exitCode()).as(result.stdout()).isZero();
    }

    private Path certificate(SshPublicKey subject, CertificateAuthority ca, long serial) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        SshCertificate certificate = CertificateIssuer.issue(SshCertificateBuilder.userCertificate(subject)
                .serial(serial).keyId("krl-" + serial).principals(List.of("ubuntu"))
                .validity(now, now.plusSeconds(3600)), ca);
        Path file = directory.resolve("cert-" + Long.toUnsignedString(serial) + "-cert.pub");
        SshKeygen.write(file, certificate.toOpenSshLine("test") + "\n");
        return file;
    }

    private static ExternalCommand.Result query(Path krl, Path certificate) {
        return ExternalCommand.run(List.of(SshKeygen.SSH_KEYGEN, "-Q", "-f", krl.toString(), certificate.toString()));
    }

    private byte[] sshKeygenKrl(SshPublicKey ca, List<Long> serials) throws IOException {
        ExternalCommand.requireExecutable(SshKeygen.SSH_KEYGEN, "openssh-client");
        Path caFile = directory.resolve("ca.pub");
        Path serialsFile = directory.resolve("serials.txt");
        Path krl = directory.resolve("keygen.krl");
        SshKeygen.write(caFile, ca.toAuthorizedKeysLine() + "\n");
        SshKeygen.write(serialsFile, serials.stream().map(s -> "serial: " + Long.toUnsignedString(s))
                .collect(Collectors.joining("\n", "", "\n")));
        ExternalCommand.run(List.of(SshKeygen.SSH_KEYGEN, "-k", "-f", krl.toString(), "-s", caFile.toString(),
                "-z", Long.toString(VERSION), serialsFile.toString())).requireSuccess("ssh-keygen -k");
        return Files.readAllBytes(krl);
    }
}
