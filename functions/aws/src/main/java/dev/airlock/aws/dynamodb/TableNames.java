package dev.airlock.aws.dynamodb;

import dev.airlock.core.storage.Tables;

import java.util.Objects;

/**
 * The deployed names of the two Airlock tables (a deployment may prefix or suffix the logical names).
 *
 * @param requests the requests table (access requests, idempotency items, chain heads, role configuration)
 * @param audit    the append-only audit table
 */
public record TableNames(String requests, String audit) {

    public TableNames {
        requireName(requests, "requests");
        requireName(audit, "audit");
        if (requests.equals(audit)) {
            throw new IllegalArgumentException("the requests and audit tables must differ: " + requests);
        }
    }

    /** The logical names from {@link Tables}. */
    public static TableNames defaults() {
        return new TableNames(Tables.REQUESTS.logicalName(), Tables.AUDIT.logicalName());
    }

    /** DynamoDB table names: 3-255 characters of {@code [a-zA-Z0-9_.-]} (CreateTable API reference). */
    private static void requireName(String name, String which) {
        Objects.requireNonNull(name, which + " table name");
        if (!name.matches("[a-zA-Z0-9_.-]{3,255}")) {
            throw new IllegalArgumentException("invalid " + which + " table name '" + name
                    + "': 3-255 characters of letters, digits, '_', '-', '.'");
        }
    }
}
