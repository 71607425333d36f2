package dev.airlock.core.testing;

import dev.airlock.ssh.testing.InMemoryCertificateAuthority;

/** TEST ONLY: SSH public keys to certify. */
public final class TestKeys {

    private TestKeys() {
    }

    /** A fresh Ed25519 public key as one {@code authorized_keys} line (its private half is discarded). */
    public static String ed25519PublicKeyLine() {
        return InMemoryCertificateAuthority.ed25519().publicKey().withComment("user@laptop").toAuthorizedKeysLine();
    }
}
