package dev.airlock.cli.text;

import java.util.regex.Pattern;

/** Quotes a word for a POSIX shell, so a printed command (a resume hint) can be pasted back. */
public final class Shell {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./~-]+");

    private Shell() {
    }

    public static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
