package dev.airlock.aws.dynamodb;

import dev.airlock.core.port.AuditLog;
import dev.airlock.core.testing.AuditLogContract;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;

/** The DynamoDB adapter keeps the {@link AuditLogContract} the in-memory fake keeps. */
class DynamoDbAuditLogContractIT extends AuditLogContract {

    private DynamoDbAuditLog audit;

    @BeforeEach
    void freshTables() {
        DynamoDbFixture fixture = DynamoDbFixture.create();
        audit = new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC());
    }

    @Override
    protected AuditLog audit() {
        return audit;
    }
}
