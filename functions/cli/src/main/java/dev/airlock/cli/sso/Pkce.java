package dev.airlock.cli.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random values of one authorization request: the PKCE verifier and its S256 challenge
 * (RFC 7636 §4.1, §4.2), {@code state} (RFC 6749 §10.12) and {@code nonce} (OIDC Core §3.1.2.1),
 * each 256 bits from {@link SecureRandom}.
 */
record Pkce(String verifier, String challenge, String state, String nonce) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Pkce fresh() {
        String verifier = random();
        return new Pkce(verifier, challenge(verifier), random(), random());
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
