package dev.airlock.bench.issuance;

import dev.airlock.ssh.SshSignatureAlgorithm;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/** The CA key kinds Airlock supports (docs/ARCHITECTURE.md "Certificates"), as JCA key pairs and signature algorithms. */
public enum KeyKind {
    P256("P-256", SshSignatureAlgorithm.ECDSA_P256, "SHA256withECDSA"),
    ED25519("Ed25519", SshSignatureAlgorithm.ED25519, "Ed25519"),
    RSA3072("RSA-3072", SshSignatureAlgorithm.RSA_SHA2_256, "SHA256withRSA");

    private final String label;
    private final SshSignatureAlgorithm algorithm;
    private final String jcaAlgorithm;

    KeyKind(String label, SshSignatureAlgorithm algorithm, String jcaAlgorithm) {
        this.label = label;
        this.algorithm = algorithm;
        this.jcaAlgorithm = jcaAlgorithm;
    }

    public String label() {
        return label;
    }

    public SshSignatureAlgorithm algorithm() {
        return algorithm;
    }

    public String jcaAlgorithm() {
        return jcaAlgorithm;
    }

    /** Whether the issue's ≥ 0.7 target applies (RSA is informational). */
    public boolean hasTarget() {
        return this != RSA3072;
    }

    public KeyPair generate() {
        try {
            return switch (this) {
                case P256 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                    yield generator.generateKeyPair();
                }
                case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                case RSA3072 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(3072);
                    yield generator.generateKeyPair();
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + label + " key", e);
        }
    }

    static Signature initSign(String jcaAlgorithm, KeyPair key) {
        try {
            Signature signature = Signature.getInstance(jcaAlgorithm);
            signature.initSign(key.getPrivate());
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + jcaAlgorithm, e);
        }
    }
}
