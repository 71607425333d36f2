package dev.airlock.aws.dynamodb;

import dev.airlock.core.port.RoleFile;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditSnapshot;
import dev.airlock.core.audit.AuditSnapshot.ExpectedHead;
import dev.airlock.core.audit.AuditSnapshot.RoleConfigClaim;
import dev.airlock.core.audit.StoredRecord;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.request.AccessRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads an {@link AuditSnapshot} for the verifier: every audit item, every access request (its audit
 * head and, when readable, the request itself for replay), every chain-head item, and the stored role
 * configuration. A strongly consistent, paged
 * {@code Scan} of both tables: an operator tool, not a request path.
 */
public final class AuditSnapshotReader {

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;

    public AuditSnapshotReader(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    /** @throws dev.airlock.domain.error.AirlockException when a table cannot be read */
    public AuditSnapshot read() {
        Map<String, List<StoredRecord>> chains = new HashMap<>();
        scan(tables.audit(), item -> {
            StoredRecord record = AuditImages.read(item);
            chains.computeIfAbsent(record.chain(), c -> new ArrayList<>()).add(record);
        });
        Map<String, ExpectedHead> heads = new HashMap<>();
        Map<String, AccessRequest> requests = new HashMap<>();
        Map<String, String> unreadable = new HashMap<>();
        List<RoleConfigClaim> config = new ArrayList<>();
        scan(tables.requests(), item -> {
            String id = Attr.optStr(item, Tables.REQ_ID).orElse("");
            if (item.containsKey(Tables.REQ_STATE)) {
                ExpectedHead head = requestHead(id, item);
                heads.put(head.chain(), head);
                try {
                    requests.put(head.chain(), RequestItemMapper.fromItem(item));
                } catch (MalformedItemException | IllegalArgumentException e) {
                    unreadable.put(head.chain(), e.getMessage());
                }
            } else if (id.startsWith(ChainHeads.PREFIX)) {
                ExpectedHead head = chainHead(id, item);
                heads.put(head.chain(), head);
            } else if (id.equals(RoleConfigStore.ITEM_ID)) {
                config.add(new RoleConfigClaim(Attr.optStr(item, ConfigFileItem.SHA256).orElse(""),
                        RoleFile.sha256(Attr.optStr(item, ConfigFileItem.YAML).orElse(""))));
            }
        });
        return new AuditSnapshot(chains, heads, config.stream().findFirst(), requests, unreadable);
    }

    private static ExpectedHead requestHead(String id, Map<String, AttributeValue> item) {
        String chain = AuditChains.forRequest(id);
        try {
            return new ExpectedHead(chain, Attr.num(item, RequestItemMapper.AUDIT_SEQ),
                    Attr.str(item, RequestItemMapper.AUDIT_HASH), "request " + id);
        } catch (MalformedItemException e) {
            // Seq 0: every record of the chain then shows as not covered by this request's head.
            return new ExpectedHead(chain, 0, "", "request " + id + " (audit head unreadable: " + e.getMessage() + ")");
        }
    }

    private static ExpectedHead chainHead(String id, Map<String, AttributeValue> item) {
        String chain = id.substring(ChainHeads.PREFIX.length());
        try {
            ChainHeads.Current current = ChainHeads.fromItem(item);
            return new ExpectedHead(chain, current.head().seq(), current.head().hash(), "head item " + id);
        } catch (MalformedItemException e) {
            return new ExpectedHead(chain, 0, "", "head item " + id + " (unreadable: " + e.getMessage() + ")");
        }
    }

    private void scan(String table, Consumer<Map<String, AttributeValue>> sink) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            ScanResponse response;
            try {
                response = dynamoDb.scan(b -> b.tableName(table).consistentRead(true).exclusiveStartKey(exclusiveStart));
            } catch (SdkException e) {
                throw DynamoDbErrors.map("Scan", e);
            }
            response.items().forEach(sink);
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
    }
}
