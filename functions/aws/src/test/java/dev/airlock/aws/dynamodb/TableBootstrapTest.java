package dev.airlock.aws.dynamodb;

import dev.airlock.core.storage.Tables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TableBootstrapTest {

    @Test
    void createTableRequest_shouldBuildTheRequestsTableFromTheSchema() {
        CreateTableRequest request = TableBootstrap.createTableRequest(Tables.REQUESTS, "t-requests");

        assertThat(request.tableName()).isEqualTo("t-requests");
        assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(request.keySchema()).singleElement().satisfies(k -> {
            assertThat(k.attributeName()).isEqualTo(Tables.REQ_ID);
            assertThat(k.keyType()).isEqualTo(KeyType.HASH);
        });
        assertThat(request.attributeDefinitions()).extracting(AttributeDefinition::attributeName, a -> a.attributeTypeAsString())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Tables.REQ_ID, "S"),
                        org.assertj.core.groups.Tuple.tuple(Tables.REQ_STATE, "S"),
                        org.assertj.core.groups.Tuple.tuple(Tables.REQ_CREATED_KEY, "S"),
                        org.assertj.core.groups.Tuple.tuple(Tables.REQ_USER, "S"),
                        org.assertj.core.groups.Tuple.tuple(Tables.REQ_EXPIRY_SHARD, "S"),
                        org.assertj.core.groups.Tuple.tuple(Tables.REQ_DUE_AT, "N"),
                        org.assertj.core.groups.Tuple.tuple(Tables.REQ_KRL_PART, "S"),
                        org.assertj.core.groups.Tuple.tuple(Tables.REQ_KRL_UNTIL, "N"));
        Map<String, GlobalSecondaryIndex> indexes = request.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(GlobalSecondaryIndex::indexName, Function.identity()));
        assertThat(indexes).containsOnlyKeys(Tables.REQUESTS_BY_STATE, Tables.REQUESTS_BY_USER, Tables.REQUESTS_BY_EXPIRY,
                Tables.REQUESTS_BY_KRL);
        GlobalSecondaryIndex expiry = indexes.get(Tables.REQUESTS_BY_EXPIRY);
        assertThat(expiry.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        assertThat(expiry.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly(Tables.REQ_EXPIRY_SHARD + ":HASH", Tables.REQ_DUE_AT + ":RANGE");
        assertThat(indexes.get(Tables.REQUESTS_BY_USER).projection().projectionType()).isEqualTo(ProjectionType.ALL);
    }

    @Test
    void createTableRequest_shouldBuildTheAuditTableWithItsCompositeKeyAndDayIndex() {
        CreateTableRequest request = TableBootstrap.createTableRequest(Tables.AUDIT, "t-audit");

        assertThat(request.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly(Tables.AUDIT_CHAIN + ":HASH", Tables.AUDIT_SEQ + ":RANGE");
        assertThat(request.globalSecondaryIndexes()).hasSize(3);
        assertThat(request.globalSecondaryIndexes().get(0)).satisfies(i -> {
            assertThat(i.indexName()).isEqualTo(Tables.AUDIT_BY_DAY);
            assertThat(i.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                    .containsExactly(Tables.AUDIT_DAY + ":HASH", Tables.AUDIT_AT_KEY + ":RANGE");
        });
        assertThat(request.globalSecondaryIndexes().get(1)).satisfies(i -> {
            assertThat(i.indexName()).isEqualTo(Tables.AUDIT_BY_SERIAL);
            assertThat(i.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                    .containsExactly(Tables.AUDIT_SERIAL + ":HASH");
        });
        assertThat(request.globalSecondaryIndexes().get(2)).satisfies(i -> {
            assertThat(i.indexName()).isEqualTo(Tables.AUDIT_BY_HOLDER);
            assertThat(i.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                    .containsExactly(Tables.AUDIT_CERT_HOLDER + ":HASH", Tables.AUDIT_CERT_UNTIL + ":RANGE");
        });
    }
}
