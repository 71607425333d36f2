package dev.airlock.cli;

/**
 * Ends the command with an exit code and one line for {@code access: error: …}. The message may carry
 * server text; {@link Console} escapes it before it reaches the terminal.
 */
public class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
