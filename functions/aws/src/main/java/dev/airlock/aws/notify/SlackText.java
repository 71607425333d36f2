package dev.airlock.aws.notify;

/**
 * User text made inert for Slack's mrkdwn (Slack API docs, "Formatting text for app surfaces": escape
 * {@code &}, {@code <}, {@code >}): after escaping, a reason cannot form {@code <!channel>},
 * {@code <@U123>} or a link. An {@code @} is followed by a zero-width space as well, so a bare
 * {@code @channel} cannot ping even where a workspace links names.
 */
public final class SlackText {

    /** Longest user text shown, in characters; the rest is cut (a section holds at most 3000). */
    public static final int MAX_CHARS = 500;

    private SlackText() {
    }

    public static String escape(String userText) {
        String cut = userText.length() > MAX_CHARS ? userText.substring(0, MAX_CHARS) + "…" : userText;
        StringBuilder out = new StringBuilder(cut.length() + 16);
        cut.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append("@\u200B");
                case '\r', '\n', '\t' -> out.append(' ');
                default -> {
                    if (!Character.isISOControl(c)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
