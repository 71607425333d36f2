package dev.airlock.bench;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's shape: what other commits' reports are compared by. No benchmark runs here. */
class ReportTableTest {

    @Test
    void json_shouldHaveExactlyTheAgreedTopLevelKeys() {
        JsonNode json = JsonMapper.builder().build().readTree(ReportTable.json(sampleReport()));

        List<String> keys = new ArrayList<>();
        json.propertyNames().forEach(keys::add);
        assertThat(keys).containsExactly("machine", "coldStart", "warm", "issuance", "sweep", "listPage", "krl",
                "checkpoint", "package", "cli");
        assertThat(json.at("/coldStart/list/ratioToBaseline").asDouble()).isEqualTo(1.5);
        assertThat(json.at("/package/httpClients/0").asText()).isEqualTo("aws-sdk url-connection-client");
    }

    @Test
    void render_shouldShowTheKrlBuild() {
        String table = ReportTable.render(sampleReport());

        assertThat(table).contains("KRL build (GET /krl), 10000 revoked serials")
                .contains("items read 10001, per serial 1.0001 " + ReportTable.mark(true));
    }

    @Test
    void render_shouldShowTheCheckpointCost() {
        String table = ReportTable.render(sampleReport());

        assertThat(table).contains("Checkpoint (checkpoint function)")
                .containsPattern("100000 +1000 +1\\.0000 +" + ReportTable.mark(true) + " +2\\.0100 +80\\.0 +30\\.0 +95\\.0");
    }

    @Test
    void render_shouldMarkEachTargetMetOrMissed() {
        String table = ReportTable.render(sampleReport());

        assertThat(table).containsPattern("list\\s+1800 .* 1\\.50\\s+MISSED");
        assertThat(table).containsPattern("request\\s+1300 .* 1\\.08\\s+met");
        assertThat(table).containsPattern("GET /ca .* 0\\.40\\s+0\\.90\\s+met");
        assertThat(table).containsPattern("P-256 .* 0\\.37\\s+MISSED");
        assertThat(table).containsPattern("RSA-3072 .* info");
        assertThat(table).containsPattern("10000 .* 2\\.00\\s+MISSED");
        assertThat(table).contains("reviewer queue: 50 read for 50 returned met");
        assertThat(table).containsPattern("zip 15\\.0 MiB .* met; HTTP clients: \\[aws-sdk url-connection-client\\] met");
        assertThat(table).containsPattern("scripts/access --help\\s+420\\s+met\\s+380\\s+900\\s+310");
        assertThat(table).containsPattern("scripts/access request ls\\s+640\\s+MISSED");
    }

    @Test
    void render_shouldSkipSectionsThatDidNotRun() {
        Map<String, Object> report = sampleReport();
        report.put("warm", Map.of());

        assertThat(ReportTable.render(report)).doesNotContain("Warm latency").contains("Cold start");
    }

    @Test
    void percentile_shouldUseTheNearestRank() {
        List<Integer> samples = List.of(5, 1, 4, 2, 3, 10, 9, 8, 7, 6);

        assertThat(Stats.percentile(samples, 99)).isEqualTo(10);
        assertThat(Stats.percentile(samples, 90)).isEqualTo(9);
        assertThat(Stats.median(samples)).isEqualTo(5.5);
        assertThat(Stats.median(List.of(3, 1, 2))).isEqualTo(2);
    }

    private static Map<String, Object> sampleReport() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", new LinkedHashMap<>(Map.of("mode", "quick", "cores", 2)));
        Map<String, Object> cold = new LinkedHashMap<>();
        cold.put("echo", Map.of("medianMs", 1200.0, "classes", 4700, "ratioToBaseline", 1.0, "baseline", true,
                "appCds", Map.of("medianMs", 650.0, "ratioToBaseline", 1.0)));
        cold.put("request", Map.of("medianMs", 1300.0, "classes", 6000, "ratioToBaseline", 1.08, "baseline", false));
        cold.put("list", Map.of("medianMs", 1800.0, "classes", 6500, "ratioToBaseline", 1.5, "baseline", false,
                "appCds", Map.of("medianMs", 900.0, "ratioToBaseline", 1.38)));
        report.put("coldStart", cold);
        report.put("warm", Map.of("GET /ca", Map.of("calls", 2000, "p50Ms", 1.0, "p99Ms", 3.0,
                "functionOverheadP50Ms", 0.4, "functionOverheadP99Ms", 0.9, "functionCpuP99Ms", 0.5, "backendP50Ms", 0.0)));
        Map<String, Object> issuance = new LinkedHashMap<>();
        issuance.put("P-256", Map.of("certsPerSec", 67.0, "rawSignsPerSec", 239.0, "ratio", 0.37, "target", 0.7,
                "buildSignRatio", 1.0, "verifyPerSec", 198.0));
        Map<String, Object> rsa = new LinkedHashMap<>(Map.of("certsPerSec", 41.0, "rawSignsPerSec", 52.0,
                "ratio", 0.87, "buildSignRatio", 1.0, "verifyPerSec", 1700.0));
        rsa.put("target", null);
        issuance.put("RSA-3072", rsa);
        report.put("issuance", issuance);
        report.put("sweep", Map.of("10000", Map.of("overdue", 100, "itemsRead", 200, "readsPerOverdue", 2.0,
                "indexReadsPerOverdue", 1.0)));
        report.put("listPage", Map.of("pageSize", 50, "itemsRead", 50, "target", 100, "bySize",
                Map.of("10000", Map.of("itemsRead", 50, "itemsReturned", 50, "requesterItemsRead", 50,
                        "requesterItemsReturned", 50))));
        report.put("krl", Map.of("revokedSerials", 10000, "expiredEntriesNotRead", 2000, "itemsRead", 10001,
                "readsPerSerial", 1.0001, "target", 1.1, "krlBytes", 80100, "buildMillisMedian", 300.0,
                "buildMillisMax", 400.0, "builds", 7));
        report.put("checkpoint", Map.of("100000", Map.of("appended", 1000, "recordsReadPerAppended", 1.0,
                "target", 1.1, "storeReadsPerAppended", 2.01, "consumeMillis", 80.0, "checkpointMillis", 30.0,
                "seedSeconds", 95.0)));
        report.put("package", Map.of("zipBytes", 15L * 1024 * 1024, "targetBytes", 20L * 1024 * 1024,
                "httpClients", List.of("aws-sdk url-connection-client")));
        report.put("cli", Map.of("runs", 15, "targetMs", 500.0,
                "help", Map.of("command", "scripts/access --help", "wallMedianMs", 420.0, "wallMinMs", 380.0,
                        "wallMaxMs", 900.0, "cpuMedianMs", 310.0),
                "requestLs", Map.of("command", "scripts/access request ls", "wallMedianMs", 640.0, "wallMinMs", 500.0,
                        "wallMaxMs", 1200.0, "cpuMedianMs", 500.0)));
        return report;
    }
}
