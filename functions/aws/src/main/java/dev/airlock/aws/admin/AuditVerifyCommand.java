package dev.airlock.aws.admin;

import dev.airlock.core.audit.AuditBreak;
import dev.airlock.core.audit.AuditReport;
import dev.airlock.core.audit.AuditVerifier;
import dev.airlock.aws.dynamodb.AuditSnapshotReader;
import dev.airlock.aws.dynamodb.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintStream;

/**
 * {@code verify}: reads both tables, checks every chain, prints one {@code BREAK ...} line per break
 * and a summary line; exit {@link AdminMain#OK} only when every chain is intact.
 */
public final class AuditVerifyCommand {

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;

    public AuditVerifyCommand(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    public int run(PrintStream out) {
        AuditReport report = new AuditVerifier().verify(new AuditSnapshotReader(dynamoDb, tables).read());
        for (AuditBreak found : report.breaks()) {
            out.println(found.line());
        }
        out.println(report.summary());
        return report.intact() ? AdminMain.OK : AdminMain.BREAKS_FOUND;
    }
}
