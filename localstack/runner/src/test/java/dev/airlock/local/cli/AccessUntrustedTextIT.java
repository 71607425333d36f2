package dev.airlock.local.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, finding 4 (CLI side): text from the server is never trusted for display. A request whose
 * reason and role carry terminal control sequences — CSI cursor movement, an OSC window-title
 * sequence, a bidi override — is written straight into the requests table (an old record, another
 * writer: the API would refuse such a reason), and {@code access request ls} and {@code show} must
 * print every control character visibly escaped, never raw.
 */
@ExtendWith(CliAirlock.Shared.class)
class AccessUntrustedTextIT {

    /** ESC [ 2 A (cursor up two lines), ESC [ 2 K (erase line), then text that would overwrite. */
    private static final String CURSOR = "\u001b[2A\u001b[2Kcluster-a";
    /** OSC 0 ; title BEL: sets the terminal's window title. */
    private static final String TITLE = "\u001b]0;pwned\u0007";
    /** RIGHT-TO-LEFT OVERRIDE: the rest of the line is shown reversed. */
    private static final String RLO = "\u202e";

    @Test
    void lsAndShow_printControlCharactersFromTheServerEscaped(CliAirlock airlock, @TempDir Path home) {
        UserHome.withEd25519(home);
        AccessCli pat = airlock.cli(home).with("AIRLOCK_USER", "pat").with("AIRLOCK_GROUPS", "contractors");
        String id = AccessRequestsIT.create(pat, "dba", "harmless");
        String role = "sudo-admin" + CURSOR;
        String reason = "INC-1 " + TITLE + "fix " + RLO + "gnp.exe\u0085";
        // The rewrite is a tamper the audit replay reports: put the item back afterwards, as the other
        // tests share this Airlock and run `audit verify` against it.
        Map<String, AttributeValue> original = rewrite(airlock, id, role, reason);
        try {
            assertEscaped(pat, id, reason);
        } finally {
            airlock.dynamoDb().putItem(b -> b.tableName(airlock.requestsTable()).item(original));
        }
    }

    private static void assertEscaped(AccessCli pat, String id, String reason) {
        AccessCli.Result ls = pat.run("request", "ls");
        AccessCli.Result show = pat.run("request", "show", id);

        for (AccessCli.Result result : List.of(ls, show)) {
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout().codePoints().filter(AccessUntrustedTextIT::isControl).toArray())
                    .as("raw control characters in:\n" + result.stdout()).isEmpty();
            assertThat(result.stdout()).contains("sudo-admin\\x1b[2A\\x1b[2Kcluster-a");
        }
        assertThat(ls.stdout()).contains("INC-1 \\x1b]0;pwned\\x07fix \\u202egnp.exe");
        assertThat(show.stdout()).contains("Reason:       INC-1 \\x1b]0;pwned\\x07fix \\u202egnp.exe\\u0085");

        // --json stays valid JSON and carries the exact text, with the bidi control \\u-escaped
        AccessCli.Result json = pat.run("request", "show", id, "--json");
        assertThat(json.stdout()).doesNotContain(RLO).contains("\\u202e");
        assertThat(Jq.eval(json.stdout(), ".reason")).isEqualTo(reason);
    }

    private static boolean isControl(int c) {
        return c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c == 0x202e;
    }

    /** Puts {@code role} and {@code reason} into the stored request, behind the API's back; returns the item as it was. */
    private static Map<String, AttributeValue> rewrite(CliAirlock airlock, String id, String role, String reason) {
        String table = airlock.requestsTable();
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(id));
        Map<String, AttributeValue> original = airlock.dynamoDb()
                .getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        Map<String, AttributeValue> item = new HashMap<>(original);
        assertThat(item).as("request " + id + " in " + table).isNotEmpty();
        Map<String, AttributeValue> thresholds = item.get("thresholds").m();
        item.put("thresholds", AttributeValue.fromM(Map.of(role, thresholds.values().iterator().next())));
        item.put("roles", AttributeValue.fromL(List.of(AttributeValue.fromS(role))));
        item.put("reason", AttributeValue.fromS(reason));
        airlock.dynamoDb().putItem(b -> b.tableName(table).item(item));
        return original;
    }
}
