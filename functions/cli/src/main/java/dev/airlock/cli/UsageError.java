package dev.airlock.cli;

/** A bad command line: exit 1, the message, and a pointer to the command's help. */
public final class UsageError extends CliException {

    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(Exit.USAGE, message);
    }
}
