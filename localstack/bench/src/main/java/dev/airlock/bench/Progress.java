package dev.airlock.bench;

import java.io.PrintStream;
import java.time.Duration;

/** Progress lines on stderr, each with the time since the bench started (stdout carries the table). */
public final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public void step(String message) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        out.printf("[bench %3d.%ds] %s%n", elapsed.toSeconds(), elapsed.toMillisPart() / 100, message);
        out.flush();
    }
}
