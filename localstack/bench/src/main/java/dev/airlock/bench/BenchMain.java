package dev.airlock.bench;

import dev.airlock.bench.checkpoint.CheckpointBench;
import dev.airlock.bench.cli.CliStartupBench;
import dev.airlock.bench.coldstart.ColdStartBench;
import dev.airlock.bench.issuance.IssuanceBench;
import dev.airlock.bench.storage.KrlBench;
import dev.airlock.bench.storage.SweepBench;
import dev.airlock.bench.warm.WarmBench;
import dev.airlock.bench.pkg.PackageInspector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code scripts/bench}: runs the measurements side by side in one process (the cold starts in
 * child JVMs), prints the table on stdout and writes the JSON report.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Before anything logs: the bench's own logging configuration, not the functions' logback.xml.
        System.setProperty("logback.configurationFile", "airlock-bench-logback.xml");
        Progress progress = new Progress(System.err);
        Map<String, Object> report = run(options, progress, System.getProperty("airlock.bench.command",
                "scripts/bench" + (options.quick() ? " --quick" : "")));
        write(options.out(), report);
        System.out.print(ReportTable.render(report));
        progress.step("wrote " + options.out());
        System.exit(0);
    }

    static Map<String, Object> run(BenchOptions options, Progress progress, String command) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", Machine.describe(options, command));
        report.put("coldStart", Map.of());
        report.put("warm", Map.of());
        report.put("issuance", Map.of());
        report.put("sweep", Map.of());
        report.put("listPage", Map.of());
        report.put("krl", Map.of());
        report.put("checkpoint", Map.of());
        report.put("package", Map.of());
        report.put("cli", Map.of());
        Path functionsZip = ZipSnapshot.of(options.functionsZip(), options.work());
        if (options.runs("package")) {
            report.put("package", PackageInspector.inspect(functionsZip));
        }
        if (options.runs("warm")) {
            machine(report).put("warmCallsPerRoute", options.warmCalls());
            report.put("warm", new WarmBench(options.warmCalls(), options.warmupCalls(), progress).run());
        }
        if (options.runs("issuance")) {
            report.put("issuance", IssuanceBench.forMode(options.quick(), progress).run());
        }
        if (options.runs("sweep")) {
            Map<String, Object> sweep = new LinkedHashMap<>();
            Map<String, Object> listPage = new LinkedHashMap<>();
            new SweepBench(progress).run(options.tableSizes(), sweep, listPage);
            report.put("sweep", sweep);
            report.put("listPage", listPage);
        }
        if (options.runs("krl")) {
            report.put("krl", new KrlBench(progress).run(options.krlSerials()));
        }
        if (options.runs("checkpoint")) {
            report.put("checkpoint", new CheckpointBench(progress).run(options.checkpointChains()));
        }
        if (options.runs("cli")) {
            report.put("cli", new CliStartupBench(options.repo(), options.cliRuns(), progress).run());
        }
        if (options.runs("coldstart")) {
            try (LocalBackend backend = LocalBackend.start("ECC_NIST_P256")) {
                Path java = Path.of(System.getProperty("java.home"), "bin", "java");
                Optional<Path> extraJdk = options.quick() ? Optional.empty() : options.extraJdk();
                ColdStartBench bench = new ColdStartBench(java, extraJdk, options.work().resolve("coldstart"),
                        driverJar(options), options.coldRuns(), backend, progress);
                machine(report).put("coldStartJvmFlags", ColdStartBench.LAMBDA_FLAGS);
                machine(report).put("coldStartRuns", options.coldRuns());
                extraJdk.ifPresent(jdk -> machine(report).put("coldStartExtraJdk", jdk.toString()));
                report.put("coldStart", bench.run(functionsZip, ZipSnapshot.of(options.echoZip(), options.work()), true,
                        !options.quick(), !options.quick()));
            }
        }
        machine(report).put("loadAverageEnd", Machine.loadAverage());
        return report;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> machine(Map<String, Object> report) {
        return (Map<String, Object>) report.get("machine");
    }

    static Path driverJar(BenchOptions options) {
        try (var files = Files.list(options.benchTarget())) {
            return files.filter(p -> p.getFileName().toString().matches("airlock-bench-.*-driver\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no driver jar in " + options.benchTarget()
                            + "; build with scripts/bench (mvn package of localstack/bench)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path out, Map<String, Object> report) {
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, ReportTable.json(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }
}
