package dev.airlock.core.usecase;

import dev.airlock.ssh.SshCertificateBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The certificate key id: {@code user=<user> [request=<id>] roles=<r1,r2> serial=<n>}. sshd logs it
 * on every login with the certificate, so its logs name who logged in under which request (after
 * Netflix BLESS). Always within {@link SshCertificateBuilder#MAX_KEY_ID_CHARS}: a long role list ends
 * in {@code +<count>} (the audit record has everything).
 *
 * <p>The user name is <b>escaped, never collapsed</b>, so two users never share a {@code user=} value:
 * see {@link #escapeUser(String)}.
 */
final class KeyIds {

    /** Longest escaped user name written as is; a longer one is shortened with a digest (see {@link #escapeUser}). */
    static final int MAX_USER_FIELD_CHARS = 160;
    /** Characters of the escaped name kept before the digest marker of a shortened name. */
    static final int SHORTENED_PREFIX_CHARS = 120;
    /** Marks a shortened name; cannot occur in an escaped name because a literal '%' is always {@code %25}. */
    static final String DIGEST_MARKER = "%~";
    /** Bytes of SHA-256 shown after {@link #DIGEST_MARKER}: 128 bits, as hex. */
    private static final int DIGEST_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private KeyIds() {
    }

    static String of(String user, Optional<String> requestId, List<String> roles, String serial) {
        String head = "user=" + escapeUser(user) + requestId.map(id -> " request=" + id).orElse("") + " roles=";
        String tail = " serial=" + serial;
        int budget = SshCertificateBuilder.MAX_KEY_ID_CHARS - head.length() - tail.length();
        return head + joinWithin(roles, budget) + tail;
    }

    /**
     * The user name as printable ASCII without spaces, one-to-one: letters, digits and {@code - . _ ~ @ +}
     * stay; every other character, {@code %} included, becomes its UTF-8 bytes percent-encoded
     * (RFC 3986 §2.1, upper-case hex), so {@code jürgen} is {@code j%C3%BCrgen} and {@code j_rgen}
     * stays itself. A lone surrogate (possible in a Java string) is encoded as its 3-byte generalized
     * UTF-8 form, which no real character has. An escaped name over {@link #MAX_USER_FIELD_CHARS}
     * keeps its first {@link #SHORTENED_PREFIX_CHARS} characters (never half an escape) followed by
     * {@link #DIGEST_MARKER} and 128 bits of the SHA-256 of the whole escaped name.
     */
    static String escapeUser(String user) {
        StringBuilder out = new StringBuilder(user.length());
        for (int i = 0; i < user.length(); ) {
            int cp = user.codePointAt(i);
            if (isSafe(cp)) {
                out.append((char) cp);
            } else {
                for (byte b : utf8(cp)) {
                    out.append('%').append(HEX.toHexDigits(b));
                }
            }
            i += Character.charCount(cp);
        }
        return out.length() <= MAX_USER_FIELD_CHARS ? out.toString() : shortened(out.toString());
    }

    private static boolean isSafe(int cp) {
        return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9' || "-._~@+".indexOf(cp) >= 0;
    }

    /** UTF-8 of one code point; surrogate code points get the same 3-byte pattern as other BMP ones. */
    private static byte[] utf8(int cp) {
        if (cp < 0x80) {
            return new byte[] {(byte) cp};
        }
        if (cp < 0x800) {
            return new byte[] {(byte) (0xC0 | cp >> 6), (byte) (0x80 | cp & 0x3F)};
        }
        if (cp < 0x10000) {
            return new byte[] {(byte) (0xE0 | cp >> 12), (byte) (0x80 | cp >> 6 & 0x3F), (byte) (0x80 | cp & 0x3F)};
        }
        return new byte[] {(byte) (0xF0 | cp >> 18), (byte) (0x80 | cp >> 12 & 0x3F),
                (byte) (0x80 | cp >> 6 & 0x3F), (byte) (0x80 | cp & 0x3F)};
    }

    private static String shortened(String escaped) {
        int cut = SHORTENED_PREFIX_CHARS;
        // never cut an escape in half: back up to before a '%' in the last two characters
        int percent = escaped.lastIndexOf('%', cut - 1);
        if (percent >= 0 && percent > cut - 3) {
            cut = percent;
        }
        return escaped.substring(0, cut) + DIGEST_MARKER + HEX.formatHex(sha256(escaped), 0, DIGEST_BYTES);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Roles joined by commas in at most {@code budget} characters, the overflow counted as {@code +n}. */
    static String joinWithin(List<String> roles, int budget) {
        if (roles.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < roles.size(); i++) {
            String next = (i == 0 ? "" : ",") + roles.get(i);
            String overflow = ",+" + (roles.size() - i - 1);
            boolean last = i == roles.size() - 1;
            if (out.length() + next.length() + (last ? 0 : overflow.length()) > budget) {
                return out + (i == 0 ? "+" : ",+") + (roles.size() - i);
            }
            out.append(next);
        }
        return out.toString();
    }
}
