package dev.airlock.bench;

import dev.airlock.ssh.SshPublicKey;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;

/** Users' SSH public keys for the certificate calls. */
public final class UserKeys {

    private UserKeys() {
    }

    /** A fresh Ed25519 public key in {@code authorized_keys} form. */
    public static String ed25519Line() {
        try {
            byte[] spki = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
            return SshPublicKey.fromSubjectPublicKeyInfo(spki).withComment("bench@laptop").toAuthorizedKeysLine();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no Ed25519 in this JDK", e);
        }
    }
}
