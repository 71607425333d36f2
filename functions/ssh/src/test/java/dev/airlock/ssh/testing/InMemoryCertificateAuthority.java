package dev.airlock.ssh.testing;

import dev.airlock.ssh.CertificateAuthority;
import dev.airlock.ssh.SshKeyType;
import dev.airlock.ssh.SshPublicKey;
import dev.airlock.ssh.SshSignature;
import dev.airlock.ssh.SshSignatureAlgorithm;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * TEST AND BENCHMARK ONLY: a {@link CertificateAuthority} whose private key sits in this process's
 * memory. Production always signs in KMS. Signs with Bouncy Castle: Ed25519 (RFC 8032), ECDSA with
 * deterministic nonces (RFC 6979, so ECDSA certificates can be known answers too) whose DER output
 * goes through {@link SshSignature#ecdsaFromDer} exactly like KMS output does, and RSASSA-PKCS1-v1_5
 * with SHA-256/512.
 */
public final class InMemoryCertificateAuthority implements CertificateAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigInteger RSA_PUBLIC_EXPONENT = BigInteger.valueOf(65537);

    private final AsymmetricKeyParameter privateKey;
    private final SshPublicKey publicKey;
    private final SshSignatureAlgorithm algorithm;

    private InMemoryCertificateAuthority(AsymmetricKeyParameter privateKey, AsymmetricKeyParameter publicKey,
                                         SshSignatureAlgorithm algorithm) {
        this.privateKey = privateKey;
        this.publicKey = SshPublicKey.fromBlob(encode(publicKey)).withComment("airlock-test-ca");
        this.algorithm = algorithm;
        if (this.publicKey.type() != algorithm.keyType()) {
            throw new IllegalArgumentException(algorithm + " cannot sign with a " + this.publicKey.type() + " key");
        }
    }

    public static InMemoryCertificateAuthority ed25519() {
        return ed25519FromSeed(randomBytes(Ed25519PrivateKeyParameters.KEY_SIZE));
    }

    /** Deterministic Ed25519 CA from a 32-byte seed (RFC 8032 §5.1.5), for known-answer vectors. */
    public static InMemoryCertificateAuthority ed25519FromSeed(byte[] seed) {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(seed, 0);
        return new InMemoryCertificateAuthority(key, key.generatePublicKey(), SshSignatureAlgorithm.ED25519);
    }

    public static InMemoryCertificateAuthority ecdsaP256() {
        ECNamedDomainParameters domain = domain(SshKeyType.ECDSA_P256);
        BigInteger d = new BigInteger(domain.getN().bitLength() + 64, RANDOM).mod(domain.getN().subtract(BigInteger.ONE))
                .add(BigInteger.ONE);
        return ecdsaFromScalar(SshKeyType.ECDSA_P256, d);
    }

    /** Deterministic ECDSA CA from a private scalar {@code 1 <= d < n}, for known-answer vectors. */
    public static InMemoryCertificateAuthority ecdsaFromScalar(SshKeyType curve, BigInteger d) {
        ECNamedDomainParameters domain = domain(curve);
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(d, domain);
        ECPublicKeyParameters pub = new ECPublicKeyParameters(domain.getG().multiply(d).normalize(), domain);
        return new InMemoryCertificateAuthority(key, pub, SshSignatureAlgorithm.forEcdsa(curve));
    }

    /** A fresh RSA CA of {@code bits} signing with {@code rsa-sha2-256} or {@code rsa-sha2-512}. */
    public static InMemoryCertificateAuthority rsa(int bits, SshSignatureAlgorithm algorithm) {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(RSA_PUBLIC_EXPONENT, RANDOM, bits, 100));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new InMemoryCertificateAuthority(pair.getPrivate(), pair.getPublic(), algorithm);
    }

    /** Loads an unencrypted {@code -----BEGIN OPENSSH PRIVATE KEY-----} file made by ssh-keygen. */
    public static InMemoryCertificateAuthority fromOpenSshPrivateKey(String pem, SshSignatureAlgorithm algorithm) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        AsymmetricKeyParameter key = OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(Base64.getDecoder().decode(base64));
        AsymmetricKeyParameter pub;
        if (key instanceof Ed25519PrivateKeyParameters ed) {
            pub = ed.generatePublicKey();
        } else if (key instanceof ECPrivateKeyParameters ec) {
            pub = new ECPublicKeyParameters(ec.getParameters().getG().multiply(ec.getD()).normalize(),
                    ec.getParameters());
        } else if (key instanceof RSAPrivateCrtKeyParameters crt) {
            pub = new RSAKeyParameters(false, crt.getModulus(), crt.getPublicExponent());
        } else {
            throw new IllegalArgumentException("unsupported OpenSSH private key");
        }
        return new InMemoryCertificateAuthority(key, pub, algorithm);
    }

    @Override
    public SshPublicKey publicKey() {
        return publicKey;
    }

    @Override
    public SshSignatureAlgorithm signatureAlgorithm() {
        return algorithm;
    }

    @Override
    public byte[] sign(byte[] toBeSigned) {
        Objects.requireNonNull(toBeSigned, "toBeSigned");
        try {
            return switch (algorithm) {
                case ED25519 -> signEd25519(toBeSigned);
                case RSA_SHA2_256 -> signRsa(new SHA256Digest(), toBeSigned);
                case RSA_SHA2_512 -> signRsa(new SHA512Digest(), toBeSigned);
                case ECDSA_P256 -> signEcdsa(new SHA256Digest(), new SHA256Digest(), toBeSigned);
                case ECDSA_P384 -> signEcdsa(new SHA384Digest(), new SHA384Digest(), toBeSigned);
                case ECDSA_P521 -> signEcdsa(new SHA512Digest(), new SHA512Digest(), toBeSigned);
            };
        } catch (CryptoException | IOException e) {
            throw new IllegalStateException("in-memory signing failed", e);
        }
    }

    private byte[] signEd25519(byte[] data) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(data, 0, data.length);
        return SshSignature.of(algorithm, signer.generateSignature()).toBlob();
    }

    private byte[] signRsa(Digest digest, byte[] data) throws CryptoException {
        RSADigestSigner signer = new RSADigestSigner(digest);
        signer.init(true, privateKey);
        signer.update(data, 0, data.length);
        return SshSignature.of(algorithm, signer.generateSignature()).toBlob();
    }

    private byte[] signEcdsa(Digest messageDigest, Digest kDigest, byte[] data) throws IOException {
        byte[] hash = new byte[messageDigest.getDigestSize()];
        messageDigest.update(data, 0, data.length);
        messageDigest.doFinal(hash, 0);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(kDigest));
        signer.init(true, privateKey);
        BigInteger[] rs = signer.generateSignature(hash);
        BigInteger n = ((ECPrivateKeyParameters) privateKey).getParameters().getN();
        byte[] der = StandardDSAEncoding.INSTANCE.encode(n, rs[0], rs[1]);
        return SshSignature.ecdsaFromDer(algorithm, der).toBlob();
    }

    private static ECNamedDomainParameters domain(SshKeyType curve) {
        ASN1ObjectIdentifier oid = switch (curve) {
            case ECDSA_P256 -> SECObjectIdentifiers.secp256r1;
            case ECDSA_P384 -> SECObjectIdentifiers.secp384r1;
            case ECDSA_P521 -> SECObjectIdentifiers.secp521r1;
            default -> throw new IllegalArgumentException(curve + " is not an ECDSA curve");
        };
        return ECNamedDomainParameters.lookup(oid);
    }

    private static byte[] encode(AsymmetricKeyParameter publicKey) {
        try {
            return OpenSSHPublicKeyUtil.encodePublicKey(publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
