package dev.airlock.cli.text;

/**
 * The one place that makes untrusted text (anything from the server, a file or another program) safe
 * to write to a terminal. A terminal acts on control characters: ESC starts cursor movement, screen
 * erasing and OSC sequences (window title, clipboard, hyperlinks; ECMA-48), C1 controls do the same in
 * one byte, bidi controls (Unicode UAX #9) reorder what follows, and line/paragraph separators and
 * odd spaces make two different strings look alike. Each such code point is shown as an escape a
 * person can read: C0 controls and DEL as {@code \x1b}, everything else as {@code \u202e} (or
 * {@code \U0001xxxx}); a backslash is doubled so that an escape in the output can never be text that
 * merely looks like one.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** {@code text} with every code point that is not plainly visible escaped; null becomes "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> append(out, cp));
        return out.toString();
    }

    /** Whether {@code cp} must not reach a terminal as it is (the backslash aside). */
    public static boolean isUnsafe(int cp) {
        if (cp < 0x20 || cp == 0x7f) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            case Character.SPACE_SEPARATOR -> cp != ' ';
            default -> false;
        };
    }

    /** The escape for an unsafe code point, as {@link #escape} writes it. */
    public static String escapeOf(int cp) {
        if (cp < 0x20 || cp == 0x7f) {
            return String.format("\\x%02x", cp);
        }
        return cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
    }

    private static void append(StringBuilder out, int cp) {
        if (cp == '\\') {
            out.append("\\\\");
        } else if (isUnsafe(cp)) {
            out.append(escapeOf(cp));
        } else {
            out.appendCodePoint(cp);
        }
    }
}
