package dev.airlock.domain.text;

import dev.airlock.domain.error.InvalidRequestException;

/**
 * The one rule for free text that a person will read later on a terminal or a page: request and
 * review reasons (and the comment of a submitted public key). Such text is stored as sent and shown
 * to other people, so it must not carry anything a terminal or a text renderer acts on:
 * <ul>
 *   <li>no Unicode {@code Cc} character — C0 controls (U+0000–U+001F, so also TAB, LF and CR: a
 *       reason is one line), DEL (U+007F) and C1 controls (U+0080–U+009F): ESC and CSI start the
 *       escape sequences that move the cursor, erase lines or set the window title;</li>
 *   <li>no bidirectional formatting character — U+202A–U+202E (embeddings and overrides),
 *       U+2066–U+2069 (isolates), U+200E/U+200F (marks): they reorder what is displayed
 *       (Unicode UAX #9, and CVE-2021-42574 "Trojan Source").</li>
 * </ul>
 * Such text is refused, never cleaned: silently changing what someone wrote would change the record.
 * Everything else — letters of any script, emoji, punctuation, spaces — is accepted.
 */
public final class FreeText {

    /** The error code of text refused by {@link #requireDisplayable}. */
    public static final String UNSAFE_TEXT = "unsafe_text";

    private FreeText() {
    }

    /**
     * Refuses {@code text} if it contains a character a terminal or renderer would act on.
     *
     * @param field the name of the field, as the caller sent it (e.g. {@code reason}); named in the error
     * @throws InvalidRequestException code {@value #UNSAFE_TEXT}, naming the field, the character's code
     *                                 point and its position (never echoing the text itself)
     */
    public static void requireDisplayable(String field, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isUnsafe(cp)) {
                throw new InvalidRequestException(UNSAFE_TEXT, String.format(
                        "%s contains %s U+%04X at character %d; control and bidirectional formatting characters "
                                + "are not accepted (a reason is one line of printable text)",
                        field, isBidiControl(cp) ? "the bidirectional formatting character" : "the control character",
                        cp, i));
            }
            i += Character.charCount(cp);
        }
    }

    /** Whether {@code codePoint} is refused by {@link #requireDisplayable}. */
    public static boolean isUnsafe(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL || isBidiControl(codePoint);
    }

    private static boolean isBidiControl(int cp) {
        return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069 || cp == 0x200E || cp == 0x200F;
    }
}
