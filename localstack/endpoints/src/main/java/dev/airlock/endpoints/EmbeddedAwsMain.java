package dev.airlock.endpoints;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded endpoints until the JVM is stopped:
 * {@code java dev.airlock.endpoints.EmbeddedAwsMain [--port N] [--data-dir DIR]}.
 * Prints {@code Embedded AWS endpoints ready at http://127.0.0.1:PORT} once it accepts requests.
 */
public final class EmbeddedAwsMain {

    private EmbeddedAwsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedAwsServer.Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: EmbeddedAwsMain [--port N] [--data-dir DIR]");
            System.exit(2);
            return;
        }
        EmbeddedAwsServer server = EmbeddedAwsServer.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "airlock-aws-shutdown"));
        System.out.println("Embedded AWS endpoints ready at " + server.endpoint());
        System.out.flush();
        stopped.await();
    }

    static EmbeddedAwsServer.Options parse(String[] args) {
        EmbeddedAwsServer.Options options = EmbeddedAwsServer.Options.defaults();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> options = options.withPort(parsePort(valueOf(args, ++i, arg)));
                case "--data-dir" -> options = options.withDataDirectory(Path.of(valueOf(args, ++i, arg)));
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        return options;
    }

    private static String valueOf(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number: " + value);
        }
    }
}
