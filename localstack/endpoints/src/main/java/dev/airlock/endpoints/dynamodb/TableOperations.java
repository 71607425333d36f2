package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.store.Change;
import dev.airlock.endpoints.dynamodb.store.Store;
import dev.airlock.endpoints.dynamodb.table.StreamSettings;
import dev.airlock.endpoints.dynamodb.table.Table;
import dev.airlock.endpoints.dynamodb.table.TableDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.Optional;

/** CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTable (streams), UpdateTimeToLive, DescribeTimeToLive. */
final class TableOperations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_LIST_LIMIT = 100;

    private final Store store;
    private final Clock clock;

    TableOperations(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    ObjectNode createTable(ObjectNode request) throws AwsServiceException {
        TableDefinition definition = CreateTableRequest.parse(request);
        return store.write((tables, changes) -> {
            if (tables.table(definition.name()).isPresent()) {
                throw new AwsServiceException("ResourceInUseException", "Table already exists: " + definition.name(), 400);
            }
            changes.add(new Change.CreateTable(definition));
            ObjectNode response = NODES.objectNode();
            // Describe the table as it will be; DynamoDB answers CREATING, the embedded table is usable at once.
            response.set("TableDescription", TableDescriptions.describe(new Table(definition), "ACTIVE"));
            return response;
        });
    }

    ObjectNode describeTable(ObjectNode request) throws AwsServiceException {
        String name = Requests.tableName(request);
        return store.read(tables -> {
            Table table = tables.table(name).orElseThrow(() -> tableNotFound(name));
            ObjectNode response = NODES.objectNode();
            response.set("Table", TableDescriptions.describe(table, "ACTIVE"));
            return response;
        });
    }

    ObjectNode deleteTable(ObjectNode request) throws AwsServiceException {
        String name = Requests.tableName(request);
        return store.write((tables, changes) -> {
            Table table = tables.table(name).orElseThrow(() -> tableNotFound(name));
            if (table.definition().deletionProtection()) {
                throw AwsServiceException.validation("Resource cannot be deleted as it is currently protected against "
                        + "deletion. Disable deletion protection first.");
            }
            ObjectNode response = NODES.objectNode();
            response.set("TableDescription", TableDescriptions.describe(table, "DELETING"));
            changes.add(new Change.DeleteTable(name));
            return response;
        });
    }

    ObjectNode listTables(ObjectNode request) throws AwsServiceException {
        int limit = Requests.optionalInt(request, "Limit").orElse(MAX_LIST_LIMIT);
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            throw Requests.constraint(String.valueOf(limit), "limit", limit < 1
                    ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to " + MAX_LIST_LIMIT);
        }
        Optional<String> start = Requests.optionalString(request, "ExclusiveStartTableName");
        return store.read(tables -> {
            ObjectNode response = NODES.objectNode();
            ArrayNode names = response.putArray("TableNames");
            var remaining = start.isPresent() ? tables.names().tailSet(start.get(), false) : tables.names();
            String last = null;
            for (String name : remaining) {
                if (names.size() == limit) {
                    response.put("LastEvaluatedTableName", last);
                    break;
                }
                names.add(name);
                last = name;
            }
            return response;
        });
    }

    /**
     * UpdateTable, for its {@code StreamSpecification} only: enabling starts a new stream (a new
     * label), disabling closes the current one, which stays readable.
     */
    ObjectNode updateTable(ObjectNode request) throws AwsServiceException {
        String name = Requests.tableName(request);
        for (String field : request.propertyNames()) {
            if (!field.equals("TableName") && !field.equals("StreamSpecification")) {
                throw AwsServiceException.validation("UpdateTable " + field + " is not supported by the embedded "
                        + "DynamoDB (supported: StreamSpecification)");
            }
        }
        JsonNode specification = request.get("StreamSpecification");
        if (specification == null || specification.isNull()) {
            throw AwsServiceException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        boolean enable = StreamSpecifications.enabled(specification);
        Optional<StreamSettings> enabled = StreamSpecifications.parse(specification, clock.instant());
        return store.write((tables, changes) -> {
            Table table = tables.table(name).orElseThrow(() -> tableNotFound(name));
            TableDefinition definition = table.definition();
            Optional<StreamSettings> current = definition.enabledStream();
            if (enable && current.isPresent()) {
                throw AwsServiceException.validation("Table already has an enabled stream: TableName: " + name);
            }
            if (!enable && current.isEmpty()) {
                throw AwsServiceException.validation("Table does not have an enabled stream to disable: TableName: " + name);
            }
            TableDefinition changed = definition.withStream(enable ? enabled : current.map(StreamSettings::disabled));
            changes.add(new Change.Redefine(changed));
            ObjectNode response = NODES.objectNode();
            response.set("TableDescription", TableDescriptions.describe(table, changed, "ACTIVE"));
            return response;
        });
    }

    ObjectNode updateTimeToLive(ObjectNode request) throws AwsServiceException {
        String name = Requests.tableName(request);
        JsonNode specification = request.get("TimeToLiveSpecification");
        if (specification == null || !specification.isObject()) {
            throw AwsServiceException.validation("1 validation error detected: Value null at 'timeToLiveSpecification' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        String attribute = Requests.requiredString(specification, "AttributeName", "timeToLiveSpecification.attributeName");
        if (!specification.path("Enabled").isBoolean()) {
            throw AwsServiceException.validation("1 validation error detected: Value null at "
                    + "'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be null");
        }
        boolean enable = specification.path("Enabled").booleanValue();
        return store.write((tables, changes) -> {
            Table table = tables.table(name).orElseThrow(() -> tableNotFound(name));
            Optional<String> current = table.definition().ttlAttribute();
            if (enable && current.isPresent()) {
                throw AwsServiceException.validation("TimeToLive is already enabled");
            }
            if (!enable && current.isEmpty()) {
                throw AwsServiceException.validation("TimeToLive is already disabled");
            }
            changes.add(new Change.Redefine(table.definition().withTtlAttribute(enable ? Optional.of(attribute)
                    : Optional.empty())));
            ObjectNode response = NODES.objectNode();
            response.putObject("TimeToLiveSpecification").put("AttributeName", attribute).put("Enabled", enable);
            return response;
        });
    }

    ObjectNode describeTimeToLive(ObjectNode request) throws AwsServiceException {
        String name = Requests.tableName(request);
        return store.read(tables -> {
            Table table = tables.table(name).orElseThrow(() -> tableNotFound(name));
            ObjectNode response = NODES.objectNode();
            ObjectNode description = response.putObject("TimeToLiveDescription");
            Optional<String> ttl = table.definition().ttlAttribute();
            description.put("TimeToLiveStatus", ttl.isPresent() ? "ENABLED" : "DISABLED");
            ttl.ifPresent(attribute -> description.put("AttributeName", attribute));
            return response;
        });
    }

    private static AwsServiceException tableNotFound(String name) {
        return new AwsServiceException("ResourceNotFoundException",
                "Requested resource not found: Table: " + name + " not found", 400);
    }
}
