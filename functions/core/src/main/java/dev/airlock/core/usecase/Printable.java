package dev.airlock.core.usecase;

/** Makes caller-supplied text safe to echo in an error message (key ids escape instead: {@link KeyIds}). */
final class Printable {

    /** Longest echo of caller input in an error message. */
    static final int MAX_ECHO_CHARS = 64;

    private Printable() {
    }

    /** Quoted, printable ASCII only (others become {@code ?}), cut after {@link #MAX_ECHO_CHARS}. */
    static String clip(String text) {
        boolean tooLong = text.length() > MAX_ECHO_CHARS;
        String cut = tooLong ? text.substring(0, MAX_ECHO_CHARS) : text;
        return "'" + replaceUnprintable(cut, '?') + (tooLong ? "...'" : "'");
    }

    /** Whether every character is printable ASCII (space included). */
    static boolean isPrintableAscii(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static String replaceUnprintable(String text, char replacement) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean printable = c >= 0x20 && c < 0x7f;
            out.append(printable ? c : replacement);
        }
        return out.toString();
    }
}
