package dev.airlock.ssh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-side decoder of an OpenSSH certificate, written straight from {@code PROTOCOL.certkeys} so
 * tests can check each field of what the builder produced. Also returns where the signature starts.
 */
record ParsedCertificate(String type, byte[] nonce, byte[] subjectKeyBlob, long serial, long certType,
                         String keyId, List<String> principals, long validAfter, long validBefore,
                         Map<String, byte[]> criticalOptions, Map<String, byte[]> extensions, byte[] reserved,
                         byte[] signatureKey, byte[] signature, int signedLength) {

    static ParsedCertificate parse(byte[] blob) {
        SshWireReader r = new SshWireReader(blob);
        String type = r.utf8();
        byte[] nonce = r.string();
        SshKeyType keyType = SshKeyType.fromWireName(type.replace("-cert-v01@openssh.com", "")).orElseThrow();
        SshWire subject = new SshWire().string(keyType.wireName());
        switch (keyType) {
            case ED25519 -> subject.string(r.string());
            case RSA -> subject.mpint(r.mpint()).mpint(r.mpint());
            default -> subject.string(r.string()).string(r.string());
        }
        long serial = r.uint64();
        long certType = r.uint32();
        String keyId = r.utf8();
        List<String> principals = strings(r.string());
        long after = r.uint64();
        long before = r.uint64();
        Map<String, byte[]> critical = options(r.string());
        Map<String, byte[]> extensions = options(r.string());
        byte[] reserved = r.string();
        byte[] signatureKey = r.string();
        int signedLength = blob.length - r.remaining();
        byte[] signature = r.string();
        r.requireEnd("certificate");
        return new ParsedCertificate(type, nonce, subject.toByteArray(), serial, certType, keyId, principals,
                after, before, critical, extensions, reserved, signatureKey, signature, signedLength);
    }

    private static List<String> strings(byte[] packed) {
        SshWireReader r = new SshWireReader(packed);
        List<String> values = new ArrayList<>();
        while (r.hasRemaining()) {
            values.add(r.utf8());
        }
        return values;
    }

    private static Map<String, byte[]> options(byte[] packed) {
        SshWireReader r = new SshWireReader(packed);
        Map<String, byte[]> values = new LinkedHashMap<>();
        while (r.hasRemaining()) {
            values.put(r.utf8(), r.string());
        }
        return values;
    }

    /** Decodes option data that holds one string (as force-command and source-address do). */
    static String stringData(byte[] data) {
        SshWireReader r = new SshWireReader(data);
        String value = new String(r.string(), StandardCharsets.UTF_8);
        r.requireEnd("option data");
        return value;
    }
}
