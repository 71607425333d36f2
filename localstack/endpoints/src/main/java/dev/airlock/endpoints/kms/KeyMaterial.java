package dev.airlock.endpoints.kms;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;

/**
 * The key pair of one KMS key, immutable and safe to share between threads. Generated and parsed
 * with Bouncy Castle (a private provider instance, never installed JVM-wide). The private key is
 * only ever exported as PKCS#8 for the data directory; {@link #toString()} never shows it.
 */
final class KeyMaterial {

    /** One provider instance for the whole JVM; providers are thread-safe. */
    static final Provider BC = new BouncyCastleProvider();

    private final KmsKeySpec spec;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Ed25519PrivateKeyParameters edPrivate;
    private final Ed25519PublicKeyParameters edPublic;

    private KeyMaterial(KmsKeySpec spec, PrivateKey privateKey, PublicKey publicKey) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        if (spec == KmsKeySpec.ECC_NIST_EDWARDS25519) {
            // Ed25519ph is not offered through the JCA by Bouncy Castle; its low-level API signs both variants.
            try {
                this.edPrivate = (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(privateKey.getEncoded());
                this.edPublic = (Ed25519PublicKeyParameters) PublicKeyFactory.createKey(publicKey.getEncoded());
            } catch (IOException | ClassCastException e) {
                throw new IllegalArgumentException("not an Ed25519 key pair", e);
            }
        } else {
            this.edPrivate = null;
            this.edPublic = null;
        }
    }

    /** A fresh key pair: NIST named curves, RSA with public exponent 65537, or Ed25519. */
    static KeyMaterial generate(KmsKeySpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(spec.jcaAlgorithm(), BC);
            switch (spec.jcaAlgorithm()) {
                case "EC" -> generator.initialize(new ECGenParameterSpec(spec.parameter()));
                case "RSA" -> generator.initialize(
                        new RSAKeyGenParameterSpec(Integer.parseInt(spec.parameter()), BigInteger.valueOf(65_537)));
                default -> {
                    // Ed25519 has no parameters
                }
            }
            KeyPair pair = generator.generateKeyPair();
            return new KeyMaterial(spec, pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + spec + " key", e);
        }
    }

    /** The key pair from its PKCS#8 private key and X.509 SubjectPublicKeyInfo encodings. */
    static KeyMaterial decode(KmsKeySpec spec, byte[] pkcs8, byte[] subjectPublicKeyInfo) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance(spec.jcaAlgorithm(), BC);
        PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        try {
            return new KeyMaterial(spec, privateKey, publicKey);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("stored key does not match its spec " + spec, e);
        }
    }

    KmsKeySpec spec() {
        return spec;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    Ed25519PrivateKeyParameters edPrivate() {
        return edPrivate;
    }

    Ed25519PublicKeyParameters edPublic() {
        return edPublic;
    }

    /** DER SubjectPublicKeyInfo, what GetPublicKey returns. */
    byte[] publicKeyDer() {
        return publicKey.getEncoded();
    }

    /** DER PKCS#8 PrivateKeyInfo, for the data directory only. */
    byte[] privateKeyPkcs8() {
        return privateKey.getEncoded();
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + spec + ", private key not shown]";
    }
}
