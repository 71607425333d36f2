package dev.airlock.aws.kms;

import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.ssh.SshSignature;
import dev.airlock.ssh.SshSignatureAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KmsSigningTest {

    private static final String ARN = "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @ParameterizedTest
    @CsvSource({
            "ECC_NIST_P256,         RSA_SHA2_512, ECDSA_P256,   ECDSA_SHA_256",
            "ECC_NIST_EDWARDS25519, RSA_SHA2_512, ED25519,      ED25519_SHA_512",
            "RSA_3072,              RSA_SHA2_256, RSA_SHA2_256, RSASSA_PKCS1_V1_5_SHA_256",
            "RSA_3072,              RSA_SHA2_512, RSA_SHA2_512, RSASSA_PKCS1_V1_5_SHA_512",
            "RSA_4096,              RSA_SHA2_512, RSA_SHA2_512, RSASSA_PKCS1_V1_5_SHA_512"})
    void forKeySpec_choosesTheDocumentedAlgorithms(KeySpec spec, SshSignatureAlgorithm rsa,
                                                   SshSignatureAlgorithm ssh, SigningAlgorithmSpec kms) {
        KmsSigning signing = KmsSigning.forKeySpec(spec, rsa);

        assertThat(signing.sshAlgorithm()).isEqualTo(ssh);
        assertThat(signing.kmsAlgorithm()).isEqualTo(kms);
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"RSA_2048", "ECC_NIST_P384", "ECC_SECG_P256_K1", "SYMMETRIC_DEFAULT",
            "ML_DSA_65", "UNKNOWN_TO_SDK_VERSION"})
    void forKeySpec_refusesKeysThatCannotBeTheCa(KeySpec spec) {
        assertThatThrownBy(() -> KmsSigning.forKeySpec(spec, SshSignatureAlgorithm.RSA_SHA2_512))
                .isInstanceOf(InternalException.class)
                .hasMessageContaining("KMS key spec " + spec + " cannot be an SSH CA");
    }

    @Test
    void ecdsa_sendsOurSha256DigestWithMessageTypeDigest() {
        byte[] body = "certificate body".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        SignRequest request = KmsSigning.forKeySpec(KeySpec.ECC_NIST_P256, SshSignatureAlgorithm.RSA_SHA2_512)
                .request(ARN, body);

        assertThat(request.keyId()).isEqualTo(ARN);
        assertThat(request.messageType()).isEqualTo(MessageType.DIGEST);
        assertThat(request.signingAlgorithm()).isEqualTo(SigningAlgorithmSpec.ECDSA_SHA_256);
        assertThat(request.message().asByteArray()).isEqualTo(KmsSigning.digest("SHA-256", body));
    }

    @Test
    void rsa_sendsTheBodyRawUpTo4096BytesThenOurDigest() {
        KmsSigning rsa = KmsSigning.forKeySpec(KeySpec.RSA_4096, SshSignatureAlgorithm.RSA_SHA2_512);
        byte[] fits = new byte[4096];
        byte[] tooLong = new byte[4097];

        SignRequest raw = rsa.request(ARN, fits);
        SignRequest digest = rsa.request(ARN, tooLong);

        assertThat(raw.messageType()).isEqualTo(MessageType.RAW);
        assertThat(raw.message().asByteArray()).isEqualTo(fits);
        assertThat(digest.messageType()).isEqualTo(MessageType.DIGEST);
        assertThat(digest.message().asByteArray()).isEqualTo(KmsSigning.digest("SHA-512", tooLong));
        assertThat(digest.signingAlgorithm()).isEqualTo(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512);
    }

    @Test
    void ed25519_sendsRawAndRefusesBodiesOver4096Bytes() {
        KmsSigning ed = KmsSigning.forKeySpec(KeySpec.ECC_NIST_EDWARDS25519, SshSignatureAlgorithm.RSA_SHA2_512);

        SignRequest raw = ed.request(ARN, new byte[4096]);

        assertThat(raw.messageType()).isEqualTo(MessageType.RAW);
        assertThat(raw.signingAlgorithm()).isEqualTo(SigningAlgorithmSpec.ED25519_SHA_512);
        assertThatThrownBy(() -> ed.request(ARN, new byte[4097]))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("the certificate body is 4097 bytes; the Ed25519 KMS CA can sign at most 4096 "
                        + "(fewer principals or shorter options would fit)")
                .satisfies(e -> assertThat(((InvalidRequestException) e).code()).isEqualTo("certificate_too_large"));
    }

    @Test
    void toSshSignature_convertsDerForEcdsaAndFramesTheOthers() {
        KmsSigning ecdsa = KmsSigning.forKeySpec(KeySpec.ECC_NIST_P256, SshSignatureAlgorithm.RSA_SHA2_512);
        KmsSigning ed = KmsSigning.forKeySpec(KeySpec.ECC_NIST_EDWARDS25519, SshSignatureAlgorithm.RSA_SHA2_512);
        byte[] der = HexFormat.of().parseHex("3006020101020102");

        SshSignature fromDer = SshSignature.fromBlob(ecdsa.toSshSignature(der));
        SshSignature fromEd = SshSignature.fromBlob(ed.toSshSignature(new byte[64]));

        assertThat(HexFormat.of().formatHex(fromDer.signature())).isEqualTo("0000000101" + "0000000102");
        assertThat(fromEd.algorithm()).isEqualTo(SshSignatureAlgorithm.ED25519);
        assertThatThrownBy(() -> ed.toSshSignature(new byte[63])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ecdsa.toSshSignature(new byte[64])).isInstanceOf(IllegalArgumentException.class);
    }
}
