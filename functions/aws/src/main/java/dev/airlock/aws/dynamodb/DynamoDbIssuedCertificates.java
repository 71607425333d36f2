package dev.airlock.aws.dynamodb;

import dev.airlock.core.port.IssuedCertificateLookup;
import dev.airlock.core.port.IssuedCertificateRecord;
import dev.airlock.core.storage.Tables;
import dev.airlock.core.usecase.IssuedCertificates;
import dev.airlock.domain.error.InternalException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * Finds a certificate's {@code certificate.issued} audit record through the audit table's sparse
 * by-serial index (one Query, at most one item: serials are 64-bit random).
 */
public final class DynamoDbIssuedCertificates implements IssuedCertificateLookup {

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;

    public DynamoDbIssuedCertificates(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    @Override
    public Optional<IssuedCertificateRecord> find(String serial) {
        QueryResponse response;
        try {
            response = dynamoDb.query(b -> b.tableName(tables.audit()).indexName(Tables.AUDIT_BY_SERIAL)
                    .keyConditionExpression("#serial = :serial")
                    .expressionAttributeNames(Map.of("#serial", Tables.AUDIT_SERIAL))
                    .expressionAttributeValues(Map.of(":serial", s(serial)))
                    .limit(2));
        } catch (SdkException e) {
            throw DynamoDbErrors.map("Query", e);
        }
        List<Map<String, AttributeValue>> items = response.items();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IssuedCertificates.fromAudit(AuditItemMapper.fromItem(items.get(0))));
        } catch (IllegalArgumentException | MalformedItemException e) {
            throw new InternalException("malformed_audit_record", "the issuance record of certificate " + serial
                    + " cannot be read: " + e.getMessage(), e);
        }
    }
}
