package dev.airlock.local.oidc;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** Unguessable values: codes, refresh tokens, device codes (RFC 6749 §10.10) and user codes (RFC 8628 §6.1). */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * RFC 8628 §6.1: base-20 letters without vowels, so no words are spelled and nothing is confused
     * with a digit; 8 of them is 20^8 ≈ 2.6e10 codes.
     */
    private static final String USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    static final int USER_CODE_LETTERS = 8;

    private Secrets() {
    }

    /** 256 random bits, base64url without padding (43 characters). */
    static String opaque() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code XXXX-XXXX} from {@link #USER_CODE_ALPHABET}. */
    static String userCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < USER_CODE_LETTERS; i++) {
            if (i == USER_CODE_LETTERS / 2) {
                code.append('-');
            }
            code.append(USER_CODE_ALPHABET.charAt(RANDOM.nextInt(USER_CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * What a person typed, normalised as RFC 8628 §6.1 suggests: case and dashes/spaces ignored;
     * empty when it cannot be a user code.
     */
    static Optional<String> normaliseUserCode(String typed) {
        if (typed == null || typed.length() > 32) {
            return Optional.empty();
        }
        String letters = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (letters.length() != USER_CODE_LETTERS || !letters.chars().allMatch(c -> USER_CODE_ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(letters.substring(0, 4) + "-" + letters.substring(4));
    }
}
