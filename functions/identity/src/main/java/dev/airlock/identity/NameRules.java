package dev.airlock.identity;

import java.text.Normalizer;

/**
 * What a user name and a group name may hold, so that one name means one person (or one group) and
 * prints as what it is.
 *
 * <p>A <b>user name</b> is refused — never silently normalized — when it is empty, longer than
 * {@value #MAX_LENGTH} characters, not in Unicode Normalization Form C, or holds a character of the
 * general categories Cc (controls), Cf (format: zero-width and bidi controls), Zl, Zp or Zs (every
 * space, U+0020 and U+00A0 included), or an unpaired surrogate (Cs). So {@code alice}, {@code alice\u00a0}
 * and {@code ali\u200bce} cannot be three users that print alike.
 *
 * <p>A <b>group name</b> is one list item, never split: it may hold ASCII spaces ({@code book club})
 * but no other Zs, and nothing of Cc, Cf, Zl, Zp or Cs; it is not empty and at most
 * {@value #MAX_LENGTH} characters.
 */
public final class NameRules {

    /** Longest user or group name: user names end up in keys, key ids and audit records. */
    public static final int MAX_LENGTH = 256;

    private NameRules() {
    }

    /** Whether {@code name} may name a user. */
    public static boolean isValidUser(String name) {
        return isWellFormed(name, false) && Normalizer.isNormalized(name, Normalizer.Form.NFC);
    }

    /** Whether {@code name} may be one group name (one value of a list claim). */
    public static boolean isValidGroup(String name) {
        return isWellFormed(name, true);
    }

    private static boolean isWellFormed(String name, boolean asciiSpaceAllowed) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        return name.codePoints().allMatch(c -> asciiSpaceAllowed && c == ' ' || isAllowed(c));
    }

    private static boolean isAllowed(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR, Character.SURROGATE -> false;
            default -> true;
        };
    }
}
