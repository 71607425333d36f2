package dev.airlock.bench.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code scripts/access} run as a process, as a person starts it: wall time from start to exit
 * and the CPU time of the processes it waited for (this JVM reaps the child, so the child's time
 * lands in this process's {@code cutime}/{@code cstime}, proc(5)).
 */
record CliProcess(long wallNanos, long cpuMillis, int exitCode) {

    private static final long TICK_MS = 10;  // USER_HZ is 100 on Linux

    static CliProcess run(List<String> command, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        try {
            long cpuBefore = childrenCpuTicks();
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within 2 minutes");
            }
            long wall = System.nanoTime() - start;
            return new CliProcess(wall, (childrenCpuTicks() - cpuBefore) * TICK_MS, process.exitValue());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** cutime + cstime of this process (fields 16 and 17 of /proc/self/stat). */
    private static long childrenCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state): field N is fields[N - 3]
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }
}
