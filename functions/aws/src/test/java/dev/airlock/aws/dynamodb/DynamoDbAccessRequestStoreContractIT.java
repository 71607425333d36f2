package dev.airlock.aws.dynamodb;

import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.AuditLog;
import dev.airlock.core.testing.AccessRequestStoreContract;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;

/** The DynamoDB adapter keeps the {@link AccessRequestStoreContract} the in-memory fake keeps. */
class DynamoDbAccessRequestStoreContractIT extends AccessRequestStoreContract {

    private DynamoDbAccessRequestStore store;
    private DynamoDbAuditLog audit;

    @BeforeEach
    void freshTables() {
        DynamoDbFixture fixture = DynamoDbFixture.create();
        store = fixture.store();
        audit = new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC());
    }

    @Override
    protected AccessRequestStore store() {
        return store;
    }

    @Override
    protected AuditLog audit() {
        return audit;
    }
}
