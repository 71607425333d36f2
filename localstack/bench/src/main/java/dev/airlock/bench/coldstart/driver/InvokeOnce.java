package dev.airlock.bench.coldstart.driver;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The measured JVM's main: does what the Lambda Java runtime does for one cold invocation —
 * constructs the handler ({@code FunctionInvoker}, which starts the Spring application named by
 * {@code MAIN_CLASS}) and calls {@code handleRequest} once with the event in the file named by the
 * first argument — then prints one {@value #MARKER} line:
 * {@code respondedAt=<epoch ms> jvmStart=<epoch ms> cpuMillis=<ms> classes=<n> response=<base64>}, where
 * {@code cpuMillis} is the CPU time of all the JVM's threads until the response (what the start cost,
 * whatever else the machine was doing).
 *
 * <p>The time is taken as soon as the response is written; only then are the management beans
 * touched (they load classes of their own, so the class count includes about a hundred of theirs,
 * the same in every measured JVM).
 */
public final class InvokeOnce {

    public static final String MARKER = "AIRLOCK-BENCH-RESULT";

    private InvokeOnce() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: InvokeOnce <event.json>");
        }
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        new FunctionInvoker().handleRequest(new ByteArrayInputStream(event), response, new DriverContext());
        long respondedAt = System.currentTimeMillis();
        long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        System.out.println(MARKER + " respondedAt=" + respondedAt + " jvmStart=" + jvmStart + " cpuMillis=" + cpuMillis
                + " classes=" + classes
                + " response=" + Base64.getEncoder().encodeToString(response.toByteArray()));
        System.out.flush();
        // The handler leaves its context (and the SDK's threads) running, as Lambda would keep them.
        System.exit(0);
    }
}
