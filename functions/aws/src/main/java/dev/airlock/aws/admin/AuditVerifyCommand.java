package dev.airlock.aws.admin;

import dev.airlock.core.audit.AuditBreak;
import dev.airlock.core.audit.AuditReport;
import dev.airlock.core.audit.AuditVerifier;
import dev.airlock.aws.dynamodb.AuditSnapshotReader;
import dev.airlock.aws.dynamodb.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import dev.airlock.core.audit.AuditSnapshot;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code verify}: reads both tables, checks every chain, replays every request, and (with a checkpoint
 * bucket and the audit key) checks the anchored checkpoints and the table against them; prints one
 * {@code BREAK ...} line per break, the anchoring line, and a summary line; exit
 * {@link AdminMain#OK} only when nothing broke.
 */
public final class AuditVerifyCommand {

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final Optional<String> servedCaFingerprint;

    public AuditVerifyCommand(DynamoDbClient dynamoDb, TableNames tables) {
        this(dynamoDb, tables, Optional.empty());
    }

    /** @param servedCaFingerprint the CA public key the deployment serves, compared with the newest {@code ca} record */
    public AuditVerifyCommand(DynamoDbClient dynamoDb, TableNames tables, Optional<String> servedCaFingerprint) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.servedCaFingerprint = servedCaFingerprint;
    }

    public int run(PrintStream out) {
        return run(out, Optional.empty());
    }

    /** As {@link #run(PrintStream)}, then against the anchored checkpoints when {@code anchored} is given. */
    int run(PrintStream out, Optional<AnchoredVerification> anchored) {
        AuditSnapshot read = new AuditSnapshotReader(dynamoDb, tables).read();
        AuditSnapshot snapshot = servedCaFingerprint.map(read::withServedCaFingerprint).orElse(read);
        AuditReport tables = new AuditVerifier().verify(snapshot);
        List<AuditBreak> breaks = new ArrayList<>(tables.breaks());
        Optional<AnchoredVerification.Result> anchor = anchored.map(a -> a.verify(snapshot));
        anchor.ifPresent(a -> breaks.addAll(a.breaks()));
        AuditReport report = new AuditReport(tables.chains(), tables.records(), breaks);
        for (AuditBreak found : report.breaks()) {
            out.println(found.line());
        }
        anchor.ifPresent(a -> out.println(a.line()));
        out.println(report.summary());
        return report.intact() ? AdminMain.OK : AdminMain.BREAKS_FOUND;
    }
}
