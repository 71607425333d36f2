package dev.airlock.app.http;

/** Caller-supplied text made safe to repeat in an error detail: printable ASCII, quoted, clipped. */
final class Echo {

    /** Longest echo of caller input in an error detail. */
    static final int MAX_CHARS = 64;

    private Echo() {
    }

    static String quote(String text) {
        boolean tooLong = text.length() > MAX_CHARS;
        String cut = tooLong ? text.substring(0, MAX_CHARS) : text;
        StringBuilder out = new StringBuilder("'");
        cut.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return out.append(tooLong ? "...'" : "'").toString();
    }
}
