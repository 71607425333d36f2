package dev.airlock.bench.issuance;

import dev.airlock.bench.Progress;
import dev.airlock.bench.Stats;
import dev.airlock.ssh.CertificateIssuer;
import dev.airlock.ssh.SshCertificateBuilder;
import dev.airlock.ssh.SshPublicKey;
import dev.airlock.ssh.SshSignatureVerifier;
import dev.airlock.ssh.SshWire;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issuance against its limit, per CA key kind, on one thread: certificates per second through the
 * product's path ({@link SshCertificateBuilder} with the fields {@code IssueCertificate} sets, then
 * {@link CertificateIssuer#issue}: encode, sign, verify, assemble) ÷ raw JCA signatures per second over
 * a message of the certificate body's size with the same key. The operations run in alternating
 * short windows, so load from other processes affects both alike; the ratio is the median of the
 * per-window ratios. Also measured, to show where the time goes: building and signing without the
 * issuer's verification, and the verification alone.
 */
public final class IssuanceBench {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration warmup;
    private final Duration window;
    private final int windows;
    private final List<KeyKind> kinds;
    private final Progress progress;
    private final SshPublicKey subject = userKey();

    public IssuanceBench(Duration warmup, Duration window, int windows, List<KeyKind> kinds, Progress progress) {
        this.warmup = warmup;
        this.window = window;
        this.windows = windows;
        this.kinds = List.copyOf(kinds);
        this.progress = progress;
    }

    public Map<String, Object> run() {
        Map<String, Object> section = new LinkedHashMap<>();
        for (KeyKind kind : kinds) {
            section.put(kind.label(), measure(kind));
        }
        return section;
    }

    private Map<String, Object> measure(KeyKind kind) {
        KeyPair key = kind.generate();
        JcaCertificateAuthority ca = new JcaCertificateAuthority(key, kind.algorithm(), kind.jcaAlgorithm());
        Signature raw = KeyKind.initSign(kind.jcaAlgorithm(), key);
        byte[] tbs = builder().toBeSigned(ca.publicKey());
        byte[] message = new byte[tbs.length];
        RANDOM.nextBytes(message);
        byte[] signatureBlob = ca.sign(tbs);
        Map<String, Runnable> operations = new LinkedHashMap<>();
        operations.put("raw", () -> rawSign(raw, message));
        operations.put("certs", () -> CertificateIssuer.issue(builder(), ca));
        operations.put("buildSign", () -> {
            byte[] body = builder().toBeSigned(ca.publicKey());
            new SshWire().raw(body).string(ca.sign(body)).toByteArray();
        });
        operations.put("verify", () -> SshSignatureVerifier.verify(ca.publicKey(), tbs, signatureBlob));
        operations.values().forEach(op -> rate(op, warmup));
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (int w = 0; w < windows; w++) {
            operations.forEach((name, op) -> rates.computeIfAbsent(name, k -> new ArrayList<>()).add(rate(op, window)));
        }
        Map<String, Object> figures = figures(rates, tbs.length, kind);
        progress.step("issuance " + kind.label() + ": " + figures.get("certsPerSec") + " certs/s, "
                + figures.get("rawSignsPerSec") + " raw signs/s, ratio " + figures.get("ratio"));
        return figures;
    }

    private static Map<String, Object> figures(Map<String, List<Double>> rates, int bodyBytes, KeyKind kind) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("certsPerSec", Stats.round(Stats.median(rates.get("certs")), 0));
        figures.put("rawSignsPerSec", Stats.round(Stats.median(rates.get("raw")), 0));
        figures.put("ratio", Stats.round(pairedRatio(rates.get("certs"), rates.get("raw")), 3));
        figures.put("target", kind.hasTarget() ? 0.7 : null);
        figures.put("buildSignPerSec", Stats.round(Stats.median(rates.get("buildSign")), 0));
        figures.put("buildSignRatio", Stats.round(pairedRatio(rates.get("buildSign"), rates.get("raw")), 3));
        figures.put("verifyPerSec", Stats.round(Stats.median(rates.get("verify")), 0));
        figures.put("certificateBodyBytes", bodyBytes);
        return figures;
    }

    private static double pairedRatio(List<Double> numerator, List<Double> denominator) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < numerator.size(); i++) {
            ratios.add(numerator.get(i) / denominator.get(i));
        }
        return Stats.median(ratios);
    }

    /** Operations per second of {@code op} run back to back for about {@code length}. */
    private static double rate(Runnable op, Duration length) {
        long deadline = System.nanoTime() + length.toNanos();
        long started = System.nanoTime();
        long count = 0;
        long now;
        do {
            op.run();
            count++;
            now = System.nanoTime();
        } while (now < deadline);
        return count * 1e9 / (now - started);
    }

    private static void rawSign(Signature signature, byte[] message) {
        try {
            signature.update(message);
            signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate as {@code IssueCertificate} fills it for an approved {@code dba} request. */
    private SshCertificateBuilder builder() {
        Instant now = Instant.now();
        return SshCertificateBuilder.userCertificate(subject)
                .serial(RANDOM.nextLong())
                .keyId("user=bob request=bc8ca931-fec9-4b15-9d5c-1f1d4b0e7a11 roles=dba")
                .principals(List.of("contractor", "dba"))
                .validity(now.minusSeconds(60), now.plus(Duration.ofHours(1)))
                .extension("permit-agent-forwarding")
                .extension("permit-port-forwarding")
                .extension("permit-pty");
    }

    private static SshPublicKey userKey() {
        try {
            return SshPublicKey.fromSubjectPublicKeyInfo(
                    KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The default timings: short in quick mode, which leaves out RSA (informational only). */
    public static IssuanceBench forMode(boolean quick, Progress progress) {
        return quick ? new IssuanceBench(Duration.ofMillis(1000), Duration.ofMillis(200), 4,
                List.of(KeyKind.P256, KeyKind.ED25519), progress)
                : new IssuanceBench(Duration.ofSeconds(4), Duration.ofSeconds(1), 9, List.of(KeyKind.values()), progress);
    }
}
