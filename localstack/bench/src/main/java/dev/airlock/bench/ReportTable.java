package dev.airlock.bench;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as JSON ({@code target/bench.json}) and as the table printed on stdout, each target
 * marked {@code met} or {@code MISSED}. Sections that did not run print nothing.
 */
public final class ReportTable {

    private ReportTable() {
    }

    public static String json(Map<String, Object> report) {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(report) + "\n";
    }

    public static String render(Map<String, Object> report) {
        StringBuilder out = new StringBuilder();
        machine(out, map(report, "machine"));
        coldStart(out, map(report, "coldStart"));
        warm(out, map(report, "warm"));
        issuance(out, map(report, "issuance"));
        sweep(out, map(report, "sweep"), map(report, "listPage"));
        krl(out, map(report, "krl"));
        checkpoint(out, map(report, "checkpoint"));
        pkg(out, map(report, "package"));
        cli(out, map(report, "cli"));
        return out.toString();
    }

    private static void machine(StringBuilder out, Map<String, Object> m) {
        line(out, "Airlock bench (%s), %s", m.get("mode"), m.get("date"));
        line(out, "  %s, %s cores, %s GiB; %s; load average %s at start, %s at end", m.get("cpu"), m.get("cores"),
                m.get("memoryGiB"), m.get("jvm"), m.get("loadAverageStart"), m.get("loadAverageEnd"));
        line(out, "  command: %s   commit: %s", m.get("command"), m.get("gitCommit"));
    }

    private static void coldStart(StringBuilder out, Map<String, Object> section) {
        if (section.isEmpty()) {
            return;
        }
        line(out, "%nCold start: process launch -> response written, median (target: <= 1.3x echo; AppCDS <= 1000 ms)");
        line(out, "  %-10s %9s %8s %7s %7s %6s | %10s %7s %7s | %10s %7s %8s", "function", "median ms", "classes", "x echo",
                "", "cpu x", "AppCDS ms", "x echo", "", "extra JDK", "x echo", "+AOT ms");
        section.forEach((name, value) -> {
            Map<String, Object> f = cast(value);
            boolean baseline = Boolean.TRUE.equals(f.get("baseline"));
            double ratio = num(f.get("ratioToBaseline"));
            Map<String, Object> cds = map(f, "appCds");
            String cdsMs = cds.isEmpty() ? "-" : fmt("%.0f", cds.get("medianMs"));
            String cdsRatio = cds.isEmpty() ? "-" : fmt("%.2f", cds.get("ratioToBaseline"));
            String cdsMark = cds.isEmpty() ? "" : mark(num(cds.get("medianMs")) <= 1000);
            Map<String, Object> extra = map(f, "extraJdk");
            Map<String, Object> aot = map(extra, "aotCache");
            line(out, "  %-10s %9.0f %8s %7.2f %7s %6.2f | %10s %7s %7s | %10s %7s %8s", baseline ? name + "*" : name,
                    num(f.get("medianMs")), f.get("classes"), ratio, baseline ? "" : mark(ratio <= 1.3),
                    num(f.get("cpuRatioToBaseline")), cdsMs, cdsRatio, cdsMark,
                    extra.isEmpty() ? "-" : fmt("%.0f", extra.get("medianMs")),
                    extra.isEmpty() ? "-" : fmt("%.2f", extra.get("ratioToBaseline")),
                    aot.isEmpty() ? "-" : fmt("%.0f", aot.get("medianMs")));
        });
        line(out, "  * baseline: a Spring Cloud Function echo, same versions, packaging and JVM flags");
        line(out, "  cpu x: the same ratio in CPU time used until the response (barely moved by other processes' load)");
        line(out, "  AppCDS: -XX:SharedArchiveFile of a training run's -XX:ArchiveClassesAtExit; extra JDK: same flags;");
        line(out, "  +AOT: the extra JDK with -XX:AOTCache of a training run's -XX:AOTCacheOutput (JEP 483/514/515)");
    }

    private static void warm(StringBuilder out, Map<String, Object> section) {
        if (section.isEmpty()) {
            return;
        }
        line(out, "%nWarm latency through the local gateway (target: function overhead p99 <= 2 ms beyond its SDK calls)");
        line(out, "  %-28s %6s %8s %8s | %9s %9s %7s | %7s %9s", "route", "calls", "p50 ms", "p99 ms",
                "fn p50 ms", "fn p99 ms", "", "cpu p99", "sdk p50");
        section.forEach((route, value) -> {
            Map<String, Object> f = cast(value);
            double p99 = num(f.get("functionOverheadP99Ms"));
            double cpu = num(f.get("functionCpuP99Ms"));
            line(out, "  %-28s %6s %8.2f %8.2f | %9.2f %9.2f %7s | %7.2f %9.2f", route, f.get("calls"),
                    num(f.get("p50Ms")), num(f.get("p99Ms")), num(f.get("functionOverheadP50Ms")), p99,
                    mark(p99 <= 2.0), cpu, num(f.get("backendP50Ms")));
        });
    }

    private static void issuance(StringBuilder out, Map<String, Object> section) {
        if (section.isEmpty()) {
            return;
        }
        line(out, "%nIssuance vs raw JCA signatures, one thread (target: ratio >= 0.7 for P-256 and Ed25519)");
        line(out, "  %-9s %9s %12s %7s %7s | %13s %9s", "key", "certs/s", "raw signs/s", "ratio", "",
                "no-verify", "verify/s");
        section.forEach((kind, value) -> {
            Map<String, Object> f = cast(value);
            double ratio = num(f.get("ratio"));
            line(out, "  %-9s %9.0f %12.0f %7.2f %7s | %13.2f %9.0f", kind, num(f.get("certsPerSec")),
                    num(f.get("rawSignsPerSec")), ratio, f.get("target") == null ? "info" : mark(ratio >= 0.7),
                    num(f.get("buildSignRatio")), num(f.get("verifyPerSec")));
        });
    }

    private static void sweep(StringBuilder out, Map<String, Object> sweep, Map<String, Object> listPage) {
        if (sweep.isEmpty()) {
            return;
        }
        line(out, "%nExpiry sweep, 1%% overdue (target: items read / overdue <= 1.1)");
        line(out, "  %-9s %8s %11s %14s %7s | %18s", "requests", "overdue", "items read", "read/overdue", "",
                "index read/overdue");
        sweep.forEach((size, value) -> {
            Map<String, Object> f = cast(value);
            double ratio = num(f.get("readsPerOverdue"));
            line(out, "  %-9s %8s %11s %14.2f %7s | %18.2f", size, f.get("overdue"), f.get("itemsRead"), ratio,
                    mark(ratio <= 1.1), num(f.get("indexReadsPerOverdue")));
        });
        Map<String, Object> bySize = map(listPage, "bySize");
        line(out, "%nOne page of %s pending requests (target: items read <= %s)", listPage.get("pageSize"),
                listPage.get("target"));
        bySize.forEach((size, value) -> {
            Map<String, Object> f = cast(value);
            double read = num(f.get("itemsRead"));
            line(out, "  %-9s reviewer queue: %s read for %s returned %s; requester (state=PENDING): %s read for %s",
                    size, f.get("itemsRead"), f.get("itemsReturned"), mark(read <= num(listPage.get("target"))),
                    f.get("requesterItemsRead"), f.get("requesterItemsReturned"));
        });
    }

    private static void krl(StringBuilder out, Map<String, Object> krl) {
        if (krl.isEmpty()) {
            return;
        }
        double ratio = num(krl.get("readsPerSerial"));
        line(out, "%nKRL build (GET /krl), %s revoked serials, %s expired entries not yet swept (target: items read / serial <= %s)",
                krl.get("revokedSerials"), krl.get("expiredEntriesNotRead"), krl.get("target"));
        line(out, "  items read %s, per serial %.4f %s; build median %s ms, worst %s ms of %s; KRL %s bytes",
                krl.get("itemsRead"), ratio, mark(ratio <= num(krl.get("target"))), krl.get("buildMillisMedian"),
                krl.get("buildMillisMax"), krl.get("builds"), krl.get("krlBytes"));
    }

    private static void checkpoint(StringBuilder out, Map<String, Object> section) {
        if (section.isEmpty()) {
            return;
        }
        line(out, "%nCheckpoint (checkpoint function), records appended to distinct chains, stream batches of 100"
                + " (target: records read / appended record <= 1.1, flat)");
        line(out, "  %-8s %8s %13s %7s %13s %11s %11s %9s", "chains", "appended", "read/appended", "",
                "store/appended", "consume ms", "checkpt ms", "seed s");
        section.forEach((chains, value) -> {
            Map<String, Object> f = cast(value);
            double ratio = num(f.get("recordsReadPerAppended"));
            line(out, "  %-8s %8s %13.4f %7s %13.4f %11s %11s %9s", chains, f.get("appended"), ratio,
                    mark(ratio <= num(f.get("target"))), num(f.get("storeReadsPerAppended")), f.get("consumeMillis"),
                    f.get("checkpointMillis"), f.get("seedSeconds"));
        });
    }

    private static void pkg(StringBuilder out, Map<String, Object> section) {
        if (section.isEmpty()) {
            return;
        }
        long bytes = ((Number) section.get("zipBytes")).longValue();
        List<?> clients = (List<?>) section.get("httpClients");
        line(out, "%nPackage (target: zip <= 20 MB, exactly one HTTP client)");
        line(out, "  zip %.1f MiB (%,d bytes) %s; HTTP clients: %s %s", bytes / 1024.0 / 1024.0, bytes,
                mark(bytes <= num(section.get("targetBytes"))), clients, mark(clients.size() == 1));
    }

    private static void cli(StringBuilder out, Map<String, Object> section) {
        if (section.isEmpty()) {
            return;
        }
        double target = num(section.get("targetMs"));
        line(out, "%nCLI start-up: scripts/access as a process, %s runs, with AppCDS (target: median <= %.0f ms)",
                section.get("runs"), target);
        line(out, "  %-30s %9s %7s %7s %7s %8s", "command", "median ms", "", "min", "max", "cpu ms");
        for (String key : List.of("help", "requestLs")) {
            Map<String, Object> f = map(section, key);
            double median = num(f.get("wallMedianMs"));
            line(out, "  %-30s %9.0f %7s %7.0f %7.0f %8.0f", f.get("command"), median, mark(median <= target),
                    num(f.get("wallMinMs")), num(f.get("wallMaxMs")), num(f.get("cpuMedianMs")));
        }
    }

    static String mark(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String fmt(String format, Object value) {
        return String.format(Locale.ROOT, format, num(value));
    }

    private static double num(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof Map<?, ?> ? cast(value) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
