package dev.airlock.domain.role;

/**
 * Text from a role file that people will read (a request prompt, a suggested reviewer, a threshold name):
 * no control or format characters (bidi overrides could make it read as something else), bounded length.
 * The CLI and the console escape what they print anyway; this keeps the policy file honest.
 */
final class DisplayText {

    private DisplayText() {
    }

    /** Throws a role-file error at {@code path} when {@code text} is not fit to show. */
    static void check(YamlNode.Location location, String path, String text, int maxLength) {
        if (text.length() > maxLength) {
            throw location.error(path, "longer than " + maxLength + " characters");
        }
        boolean bad = text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT);
        if (bad) {
            throw location.error(path, "must not contain control or format characters");
        }
    }
}
