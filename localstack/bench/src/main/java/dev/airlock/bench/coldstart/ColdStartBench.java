package dev.airlock.bench.coldstart;

import dev.airlock.bench.LocalBackend;
import dev.airlock.bench.Progress;
import dev.airlock.bench.coldstart.ColdStartTargets.Target;
import dev.airlock.bench.coldstart.JvmLauncher.Run;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cold start per function against the echo baseline: fresh JVMs, the same flags for all, runs
 * interleaved (one of each target per round) so that a burst of load from other processes hits every
 * target alike. Then the AppCDS variant: one training run per target writes a dynamic archive
 * ({@code -XX:ArchiveClassesAtExit}), one checking run logs where classes come from, and the
 * measured runs map it ({@code -XX:SharedArchiveFile}).
 */
public final class ColdStartBench {

    /** The JVM options the Lambda Java runtimes start the function with (besides heap sizing). */
    public static final List<String> LAMBDA_FLAGS = List.of(
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    private final JvmLauncher launcher;
    private final Optional<JvmLauncher> extraJdk;
    private final Path work;
    private final Path driverJar;
    private final int runs;
    private final LocalBackend backend;
    private final Progress progress;

    /**
     * @param java     the JVM of the required figures (the default JDK 17)
     * @param extraJdk another JVM to measure too, with the same flags (an extra column, e.g. JDK 25)
     */
    public ColdStartBench(Path java, Optional<Path> extraJdk, Path work, Path driverJar, int runs, LocalBackend backend,
                          Progress progress) {
        this.launcher = new JvmLauncher(java);
        this.extraJdk = extraJdk.map(JvmLauncher::new);
        this.work = work;
        this.driverJar = driverJar;
        this.runs = runs;
        this.backend = backend;
        this.progress = progress;
    }

    /** Measures both variants; the result is keyed by target name ({@code echo} is the baseline). */
    /**
     * @param appCds     also measure the AppCDS variant
     * @param checkCds   log class loading in one extra run per target to count the classes the archive served
     * @param profileClasses log class loading in the training runs for {@code trainingRunProfile}
     */
    public Map<String, Object> run(Path functionsZip, Path echoZip, boolean appCds, boolean checkCds,
                                   boolean profileClasses) {
        LambdaTask functions = LambdaTask.unpack(functionsZip, work.resolve("functions"));
        LambdaTask echo = LambdaTask.unpack(echoZip, work.resolve("echo"));
        List<Target> targets = ColdStartTargets.all(functions, echo, backend);
        Map<String, List<Run>> plain = measure(launcher, targets, "lambda", t -> LAMBDA_FLAGS,
                t -> t.task().lambdaClassPath(driverJar));
        Map<String, List<Run>> cds = Map.of();
        Map<String, ArchiveUse> archiveUse = new LinkedHashMap<>();
        Map<String, Map<String, Object>> profiles = new LinkedHashMap<>();
        if (appCds) {
            Map<String, Path> archives = new LinkedHashMap<>();
            for (Target target : targets) {
                archives.put(target.name(), train(target, checkCds, profileClasses, archiveUse, profiles));
            }
            cds = measure(launcher, targets, "appcds", t -> cdsFlags(archives.get(t.name())),
                    t -> t.task().jarClassPath(driverJar));
        }
        Map<String, List<Run>> extra = Map.of();
        Map<String, List<Run>> extraAot = Map.of();
        if (extraJdk.isPresent()) {
            extra = measure(extraJdk.get(), targets, "extra-jdk", t -> LAMBDA_FLAGS,
                    t -> t.task().lambdaClassPath(driverJar));
            Map<String, Path> caches = new LinkedHashMap<>();
            for (Target target : targets) {
                caches.put(target.name(), trainAotCache(extraJdk.get(), target));
            }
            extraAot = measure(extraJdk.get(), targets, "extra-jdk-aot", t -> aotFlags(caches.get(t.name())),
                    t -> t.task().jarClassPath(driverJar));
        }
        Map<String, Object> results = ColdStartResults.of(targets, plain, cds, extra, archiveUse);
        if (!extraAot.isEmpty()) {
            ColdStartResults.addExtraJdkAot(results, targets, extraAot);
        }
        profiles.forEach((name, profile) -> ColdStartResults.cast(results.get(name)).put("trainingRunProfile", profile));
        List<String> echoOnly = new ArrayList<>(echo.libraries());
        echoOnly.removeAll(functions.libraries());
        ColdStartResults.cast(results.get(ColdStartTargets.ECHO)).put("librariesNotInFunctionsPackage", echoOnly);
        return results;
    }

    /** How many of the loaded classes came out of the dynamic archive, from a run with class+load logging. */
    record ArchiveUse(int loaded, int fromDynamicArchive, int fromBaseArchive, long archiveBytes) {
    }

    private Map<String, List<Run>> measure(JvmLauncher jvm, List<Target> targets, String variant,
                                           Function<Target, List<String>> flags, Function<Target, String> classPath) {
        Map<String, List<Run>> results = new LinkedHashMap<>();
        for (int round = 1; round <= runs; round++) {
            StringBuilder line = new StringBuilder();
            for (Target target : targets) {
                Run run = once(jvm, target, flags.apply(target), classPath.apply(target), variant);
                results.computeIfAbsent(target.name(), k -> new ArrayList<>()).add(run);
                line.append(String.format(" %s=%.0fms", target.name(), run.wallMs()));
            }
            progress.step("cold start (" + variant + ") round " + round + "/" + runs + ":" + line);
        }
        return results;
    }

    private Run once(JvmLauncher jvm, Target target, List<String> flags, String classPath, String variant) {
        Path event = work.resolve(target.name() + "-event.json");
        LambdaTask.write(event, target.event().get());
        Path log = work.resolve(target.name() + "-" + variant + ".log");
        Run run = jvm.run(flags, classPath, backend.lambdaEnvironment(target.mainClass(), target.function()),
                event, log);
        checkResponse(target, run, log);
        return run;
    }

    /**
     * The training run writes the archive and, logged as it loads classes, the target's class-load
     * profile ({@link ClassLoadProfile}); the optional check run counts what the archive serves.
     */
    private Path train(Target target, boolean check, boolean profile, Map<String, ArchiveUse> archiveUse,
                       Map<String, Map<String, Object>> profiles) {
        Path archive = work.resolve(target.name() + ".jsa");
        try {
            Files.deleteIfExists(archive);
            List<String> training = new ArrayList<>(LAMBDA_FLAGS);
            training.add("-XX:ArchiveClassesAtExit=" + archive);
            Path profileLog = work.resolve(target.name() + "-training-classes.log");
            if (profile) {
                training.add(ClassLoadProfile.logFlag(profileLog));
            }
            once(launcher, target, training, target.task().jarClassPath(driverJar), "appcds-training");
            if (!Files.exists(archive)) {
                throw new IllegalStateException("the training run of " + target.name() + " wrote no archive; see "
                        + work.resolve(target.name() + "-appcds-training.log"));
            }
            if (profile) {
                profiles.put(target.name(), ClassLoadProfile.of(profileLog, target.mainClass()));
            }
            if (check) {
                Path classLog = work.resolve(target.name() + "-appcds-classes.log");
                List<String> flags = new ArrayList<>(cdsFlags(archive));
                flags.add("-Xlog:class+load=info:file=" + classLog);
                once(launcher, target, flags, target.task().jarClassPath(driverJar), "appcds-check");
                archiveUse.put(target.name(), archiveUse(classLog, Files.size(archive)));
            } else {
                archiveUse.put(target.name(), new ArchiveUse(-1, -1, -1, Files.size(archive)));
            }
            progress.step("AppCDS archive for " + target.name() + ": " + Files.size(archive) / 1024 / 1024 + " MB");
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * JDK 24+'s AOT cache (JEP 483, one-step creation JEP 514, method profiles JEP 515): CDS plus classes
     * loaded and linked ahead of time. Like AppCDS it needs a class path of jars only.
     */
    private Path trainAotCache(JvmLauncher jdk, Target target) {
        Path cache = work.resolve(target.name() + ".aot");
        try {
            Files.deleteIfExists(cache);
            List<String> training = withoutXshare();
            training.add("-XX:AOTCacheOutput=" + cache);
            once(jdk, target, training, target.task().jarClassPath(driverJar), "aot-training");
            if (!Files.exists(cache)) {
                throw new IllegalStateException("the AOT training run of " + target.name() + " wrote no cache");
            }
            progress.step("AOT cache (extra JDK) for " + target.name() + ": " + Files.size(cache) / 1024 / 1024 + " MB");
            return cache;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> aotFlags(Path cache) {
        List<String> flags = withoutXshare();
        flags.add("-XX:AOTCache=" + cache);
        return flags;
    }

    /** The AOT cache options refuse any {@code -Xshare} option (sharing is on by default anyway). */
    private static List<String> withoutXshare() {
        List<String> flags = new ArrayList<>(LAMBDA_FLAGS);
        flags.removeIf(flag -> flag.startsWith("-Xshare"));
        return flags;
    }

    private static List<String> cdsFlags(Path archive) {
        List<String> flags = new ArrayList<>(LAMBDA_FLAGS);
        flags.add("-XX:SharedArchiveFile=" + archive);
        return flags;
    }

    private static ArchiveUse archiveUse(Path classLog, long archiveBytes) throws IOException {
        List<String> lines;
        try (var stream = Files.lines(classLog)) {
            lines = stream.filter(l -> l.contains("source:")).toList();
        }
        int top = (int) lines.stream().filter(l -> l.contains("shared objects file (top)")).count();
        int base = (int) lines.stream().filter(l -> l.contains("shared objects file") && !l.contains("(top)")).count();
        return new ArchiveUse(lines.size(), top, base, archiveBytes);
    }

    private static void checkResponse(Target target, Run run, Path log) {
        JsonNode response = JsonMapper.builder().build().readTree(run.response());
        if (response.has("statusCode")) {
            int status = response.get("statusCode").asInt();
            if (status < 200 || status > 299) {
                throw new IllegalStateException(target.name() + " answered " + status + ": " + run.response()
                        + " (output in " + log + ")");
            }
        } else if (!response.isObject()) {
            throw new IllegalStateException(target.name() + " answered " + run.response());
        }
    }
}
