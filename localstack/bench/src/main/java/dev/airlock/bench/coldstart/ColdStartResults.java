package dev.airlock.bench.coldstart;

import dev.airlock.bench.Stats;
import dev.airlock.bench.coldstart.ColdStartBench.ArchiveUse;
import dev.airlock.bench.coldstart.ColdStartTargets.Target;
import dev.airlock.bench.coldstart.JvmLauncher.Run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code coldStart} section: per target {@code medianMs} (process launch → response written),
 * {@code classes} (loaded classes, median), {@code ratioToBaseline} (÷ the echo's median), the JVM's
 * own view ({@code jvmMedianMs}, from its recorded start time), every run, and the same under
 * {@code appCds}; and the CPU time all the JVM's threads used until the response ({@code cpuMedianMs},
 * {@code cpuRatioToBaseline}), which other processes' load barely moves.
 */
final class ColdStartResults {

    private ColdStartResults() {
    }

    static Map<String, Object> of(List<Target> targets, Map<String, List<Run>> plain, Map<String, List<Run>> cds,
                                  Map<String, List<Run>> extraJdk, Map<String, ArchiveUse> archiveUse) {
        List<Run> echo = plain.get(ColdStartTargets.ECHO);
        List<Run> cdsEcho = cds.get(ColdStartTargets.ECHO);
        List<Run> extraEcho = extraJdk.get(ColdStartTargets.ECHO);
        Map<String, Object> section = new LinkedHashMap<>();
        for (Target target : targets) {
            Map<String, Object> entry = figures(plain.get(target.name()), medianWall(echo), medianCpu(echo));
            entry.put("baseline", target.isBaseline());
            if (!cds.isEmpty()) {
                Map<String, Object> appCds = figures(cds.get(target.name()), medianWall(cdsEcho), medianCpu(cdsEcho));
                ArchiveUse use = archiveUse.get(target.name());
                if (use.loaded() >= 0) {
                    appCds.put("classesFromAppArchive", use.fromDynamicArchive());
                    appCds.put("classesFromJdkArchive", use.fromBaseArchive());
                    appCds.put("classesLoadedInCheckRun", use.loaded());
                }
                appCds.put("archiveBytes", use.archiveBytes());
                entry.put("appCds", appCds);
            }
            if (!extraJdk.isEmpty()) {
                entry.put("extraJdk", figures(extraJdk.get(target.name()), medianWall(extraEcho), medianCpu(extraEcho)));
            }
            section.put(target.name(), entry);
        }
        return section;
    }

    private static Map<String, Object> figures(List<Run> runs, double baselineMs, double baselineCpuMs) {
        double median = medianWall(runs);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("medianMs", Stats.round(median, 1));
        figures.put("classes", (int) Stats.median(runs.stream().map(Run::classes).toList()));
        figures.put("ratioToBaseline", Stats.round(median / baselineMs, 3));
        figures.put("jvmMedianMs", Stats.round(Stats.median(runs.stream().map(Run::jvmMs).toList()), 1));
        double cpu = medianCpu(runs);
        figures.put("cpuMedianMs", Stats.round(cpu, 1));
        figures.put("cpuRatioToBaseline", Stats.round(cpu / baselineCpuMs, 3));
        figures.put("runsMs", runs.stream().map(r -> Stats.round(r.wallMs(), 1)).toList());
        return figures;
    }

    /** Adds {@code extraJdk.aotCache}: the extra JDK with an AOT cache from a training run. */
    static void addExtraJdkAot(Map<String, Object> results, List<Target> targets, Map<String, List<Run>> aot) {
        List<Run> echo = aot.get(ColdStartTargets.ECHO);
        for (Target target : targets) {
            Map<String, Object> extra = cast(cast(results.get(target.name())).get("extraJdk"));
            extra.put("aotCache", figures(aot.get(target.name()), medianWall(echo), medianCpu(echo)));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object entry) {
        return (Map<String, Object>) entry;
    }

    private static double medianCpu(List<Run> runs) {
        return Stats.median(runs.stream().map(Run::cpuMs).toList());
    }

    private static double medianWall(List<Run> runs) {
        return Stats.median(runs.stream().map(Run::wallMs).toList());
    }
}
