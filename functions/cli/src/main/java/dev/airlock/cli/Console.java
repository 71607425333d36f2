package dev.airlock.cli;

import dev.airlock.cli.text.TerminalText;

import java.io.PrintStream;

/**
 * Where the CLI writes. Lines for people go to stdout, or to stderr when stdout carries {@code --json}
 * output; errors are one line {@code access: error: …} on stderr. Every line that may carry untrusted
 * text passes {@link TerminalText#escape} here; {@link #printSafe} is for lines the caller assembled
 * from already escaped parts (tables), {@link #printData} for machine output (JSON, key lines, tokens).
 */
public final class Console {

    private static final String CLEAR_LINE = "\r\u001b[K";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean stderrIsTerminal;
    private boolean json;
    private volatile boolean progressShown;

    public Console(PrintStream out, PrintStream err, boolean stderrIsTerminal) {
        this.out = out;
        this.err = err;
        this.stderrIsTerminal = stderrIsTerminal;
    }

    public void jsonOutput(boolean on) {
        json = json || on;
    }

    public boolean json() {
        return json;
    }

    public boolean stderrIsTerminal() {
        return stderrIsTerminal;
    }

    /** A line for people (escaped): stdout, or stderr under --json. */
    public void say(String text) {
        (json ? err : out).println(TerminalText.escape(text));
    }

    /** A line on stdout built from parts the caller escaped. */
    public void printSafe(String line) {
        out.println(line);
    }

    /** Machine output on stdout, as is (JSON is escaped by its writer, see Json). */
    public void printData(String text) {
        out.println(text);
    }

    /** A line for people on stderr (escaped). */
    public void note(String text) {
        clearProgress();
        err.println(TerminalText.escape(text));
    }

    /** {@code access: error: MESSAGE} on stderr. */
    public void error(String message) {
        note("access: error: " + message);
    }

    /** Static help text on {@code stdout} or stderr. */
    public void help(String text, boolean toStderr) {
        (toStderr ? err : out).print(text);
        (toStderr ? err : out).flush();
    }

    /** Draws the live progress line (only ever called when stderr is a terminal). */
    public void progress(String text) {
        err.print(CLEAR_LINE + TerminalText.escape(text));
        err.flush();
        progressShown = true;
    }

    /** Erases a live progress line before anything else goes to stderr. */
    public void clearProgress() {
        if (progressShown) {
            err.print(CLEAR_LINE);
            err.flush();
            progressShown = false;
        }
    }

    public void flush() {
        out.flush();
        err.flush();
    }
}
