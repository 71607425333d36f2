package dev.airlock.core.usecase;

import dev.airlock.ssh.SshPublicKey;
import dev.airlock.ssh.SshSignatureVerifier;
import dev.airlock.ssh.SshWireReader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Test-side reading of an issued Ed25519 user certificate line, straight from {@code PROTOCOL.certkeys},
 * so tests check what the certificate itself says, and that the CA's signature over it verifies.
 */
record DecodedCertificate(String type, long serial, String keyId, List<String> principals, long validAfter,
                          long validBefore, List<String> extensions, boolean signatureVerifies) {

    static DecodedCertificate decode(String line, SshPublicKey caKey) {
        String[] parts = line.split(" ");
        byte[] blob = Base64.getDecoder().decode(parts[1]);
        SshWireReader r = new SshWireReader(blob);
        String type = r.utf8();
        r.string(); // nonce
        r.string(); // ed25519 public key
        long serial = r.uint64();
        r.uint32(); // certificate type
        String keyId = r.utf8();
        List<String> principals = strings(r.string());
        long after = r.uint64();
        long before = r.uint64();
        r.string(); // critical options
        List<String> extensions = optionNames(r.string());
        r.string(); // reserved
        r.string(); // signature key
        int signedLength = blob.length - r.remaining();
        byte[] signature = r.string();
        boolean verifies = SshSignatureVerifier.verify(caKey, Arrays.copyOf(blob, signedLength), signature);
        return new DecodedCertificate(type, serial, keyId, principals, after, before, extensions, verifies);
    }

    private static List<String> strings(byte[] packed) {
        SshWireReader r = new SshWireReader(packed);
        List<String> out = new ArrayList<>();
        while (r.hasRemaining()) {
            out.add(new String(r.string(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<String> optionNames(byte[] packed) {
        SshWireReader r = new SshWireReader(packed);
        List<String> names = new ArrayList<>();
        while (r.hasRemaining()) {
            names.add(r.utf8());
            r.string();
        }
        return names;
    }
}
