package dev.airlock.bench.cli;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.bench.Progress;
import dev.airlock.local.DemoUsers;
import dev.airlock.local.LocalAirlock;
import dev.airlock.local.LocalEnvFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CLI's start-up (issue 13): {@code scripts/access --help} and {@code scripts/access request ls}
 * (one pending request, against a local Airlock in this process) run as separate processes, the way
 * a person runs them; median, min and max of wall time and the median CPU time. The first runs
 * (not counted) build the class-data sharing archive the wrapper uses.
 */
public final class CliStartupBench {

    /** The target for the median of each command on this machine, with AppCDS. */
    public static final double TARGET_MS = 500;
    private static final String BUILT_IN_CONFIG = "/airlock-local-config/";
    private static final int WARMUP = 2;

    private final Path repo;
    private final int runs;
    private final Progress progress;

    public CliStartupBench(Path repo, int runs, Progress progress) {
        this.repo = repo;
        this.runs = runs;
        this.progress = progress;
    }

    public Map<String, Object> run() {
        Path home = temporaryHome();
        try (LocalAirlock airlock = LocalAirlock.start(LocalAirlock.Settings.inMemory(builtIn("roles.yaml"),
                DemoUsers.parse(builtIn(DemoUsers.FILE_NAME)), Clock.systemUTC()))) {
            writeLocalEnv(home, airlock);
            String bob = token(airlock.url(), "bob");
            post(airlock.url(), bob, "/requests", "{\"roles\": [\"dba\"], \"reason\": \"INC-4211: slow queries\"}");
            Map<String, String> env = Map.of(EnvironmentNames.HOME, home.toString(), EnvironmentNames.URL, airlock.url().toString(),
                    EnvironmentNames.TOKEN, token(airlock.url(), "alice"));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("runs", runs);
            result.put("targetMs", TARGET_MS);
            result.put("help", measure(List.of("--help"), env));
            result.put("requestLs", measure(List.of("request", "ls"), env));
            return result;
        }
    }

    private Map<String, Object> measure(List<String> args, Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of(repo.resolve("scripts/access").toString()));
        command.addAll(args);
        progress.step("cli: " + String.join(" ", args) + " x " + runs);
        for (int i = 0; i < WARMUP; i++) {
            CliProcess warm = CliProcess.run(command, env);
            if (warm.exitCode() != 0) {
                throw new IllegalStateException("access " + args + " exited " + warm.exitCode());
            }
        }
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            CliProcess run = CliProcess.run(command, env);
            wall.add(run.wallNanos() / 1e6);
            cpu.add((double) run.cpuMillis());
        }
        wall.sort(null);
        cpu.sort(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command", "scripts/access " + String.join(" ", args));
        out.put("wallMedianMs", median(wall));
        out.put("wallMinMs", wall.get(0));
        out.put("wallMaxMs", wall.get(wall.size() - 1));
        out.put("cpuMedianMs", median(cpu));
        return out;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String token(URI url, String user) {
        String body = post(url, null, "/dev/token", "{\"user\": \"" + user + "\"}");
        int start = body.indexOf("\"token\"");
        int open = body.indexOf('"', body.indexOf(':', start) + 1);
        return body.substring(open + 1, body.indexOf('"', open + 1));
    }

    private static String post(URI url, String token, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void writeLocalEnv(Path home, LocalAirlock airlock) {
        try {
            LocalEnvFile.write(home.resolve(LocalEnvFile.FILE_NAME), LocalEnvFile.variables(airlock, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryHome() {
        try {
            return Files.createTempDirectory("airlock-bench-cli");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String builtIn(String name) {
        try (InputStream in = CliStartupBench.class.getResourceAsStream(BUILT_IN_CONFIG + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path (" + BUILT_IN_CONFIG + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
