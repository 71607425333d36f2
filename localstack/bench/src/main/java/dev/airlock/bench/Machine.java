package dev.airlock.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code machine} section: where and how the figures were taken. */
public final class Machine {

    private Machine() {
    }

    public static Map<String, Object> describe(BenchOptions options, String command) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("date", Instant.now().toString());
        machine.put("command", command);
        machine.put("mode", options.quick() ? "quick" : "full");
        machine.put("cpu", cpuModel().orElse(System.getProperty("os.arch")));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryGiB", memoryGiB());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("loadAverageStart", loadAverage());
        machine.put("gitCommit", gitCommit(options.repo()).orElse("unknown"));
        return machine;
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg (empty elsewhere). */
    public static List<Double> loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return List.of(Double.valueOf(fields[0]), Double.valueOf(fields[1]), Double.valueOf(fields[2]));
        } catch (IOException | RuntimeException e) {
            return List.of(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static Optional<String> cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static double memoryGiB() {
        try (var lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> Stats.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0, 1))
                    .orElse(Double.NaN);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static Optional<String> gitCommit(Path repo) {
        try {
            Path head = repo.resolve(".git/HEAD");
            String ref = Files.readString(head).trim();
            if (!ref.startsWith("ref: ")) {
                return Optional.of(ref);
            }
            Path refFile = repo.resolve(".git").resolve(ref.substring(5));
            if (Files.exists(refFile)) {
                return Optional.of(Files.readString(refFile).trim());
            }
            try (var lines = Files.lines(repo.resolve(".git/packed-refs"))) {
                return lines.filter(l -> l.endsWith(" " + ref.substring(5))).findFirst().map(l -> l.split(" ")[0]);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
