package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.table.IndexDefinition;
import dev.airlock.endpoints.dynamodb.table.KeySchema;
import dev.airlock.endpoints.dynamodb.table.StreamSettings;
import dev.airlock.endpoints.dynamodb.table.TableDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Turns a CreateTable request into a {@link TableDefinition}, with DynamoDB's validation. */
final class CreateTableRequest {

    /** "Global secondary indexes per table: 20" (DynamoDB quotas, default). */
    static final int MAX_GLOBAL_INDEXES = 20;
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final List<String> PROJECTIONS = List.of("ALL", "KEYS_ONLY", "INCLUDE");

    private CreateTableRequest() {
    }

    static TableDefinition parse(ObjectNode request) throws AwsServiceException {
        String name = Requests.tableName(request);
        if (request.hasNonNull("LocalSecondaryIndexes")) {
            throw AwsServiceException.validation("LocalSecondaryIndexes are not supported by the embedded DynamoDB");
        }
        Instant created = Instant.now();
        Optional<StreamSettings> stream = StreamSpecifications.parse(request.get("StreamSpecification"), created);
        Map<String, String> attributes = attributeDefinitions(request);
        KeySchema key = keySchema(request.get("KeySchema"), "keySchema", attributes);
        String billingMode = Requests.enumValue(request, "BillingMode", "billingMode", "PROVISIONED",
                List.of("PROVISIONED", "PAY_PER_REQUEST"));
        long[] throughput = throughput(request.get("ProvisionedThroughput"), billingMode, "");
        List<IndexDefinition> indexes = globalIndexes(request.get("GlobalSecondaryIndexes"), attributes, billingMode);
        checkAllDefinitionsUsed(attributes, key, indexes);
        BigDecimal now = BigDecimal.valueOf(created.toEpochMilli()).movePointLeft(3);
        return new TableDefinition(name, UUID.randomUUID().toString(),
                "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + name, now, key, attributes,
                billingMode, throughput[0], throughput[1], indexes, Optional.empty(),
                Requests.bool(request, "DeletionProtectionEnabled"), stream);
    }

    private static Map<String, String> attributeDefinitions(ObjectNode request) throws AwsServiceException {
        JsonNode list = request.get("AttributeDefinitions");
        if (list == null || !list.isArray()) {
            throw AwsServiceException.validation("1 validation error detected: Value null at 'attributeDefinitions' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode definition : list) {
            String name = Requests.requiredString(definition, "AttributeName", "attributeDefinitions.member.attributeName");
            String type = Requests.enumValue(definition, "AttributeType", "attributeDefinitions.member.attributeType",
                    null, List.of("S", "N", "B"));
            if (type == null) {
                throw AwsServiceException.validation("1 validation error detected: Value null at "
                        + "'attributeDefinitions.member.attributeType' failed to satisfy constraint: Member must not be null");
            }
            if (attributes.put(name, type) != null) {
                throw AwsServiceException.validation("Cannot have two attributes with the same name");
            }
        }
        return attributes;
    }

    private static KeySchema keySchema(JsonNode list, String member, Map<String, String> attributes)
            throws AwsServiceException {
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw AwsServiceException.validation("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (list.size() > 2) {
            throw Requests.constraint(list.toString(), member, "Member must have length less than or equal to 2");
        }
        String hash = Requests.requiredString(list.get(0), "AttributeName", member + ".member.attributeName");
        if (!"HASH".equals(list.get(0).path("KeyType").asString())) {
            throw AwsServiceException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        Optional<String> range = Optional.empty();
        if (list.size() == 2) {
            range = Optional.of(Requests.requiredString(list.get(1), "AttributeName", member + ".member.attributeName"));
            if (!"RANGE".equals(list.get(1).path("KeyType").asString())) {
                throw AwsServiceException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
            if (range.get().equals(hash)) {
                throw AwsServiceException.validation(INVALID
                        + "Both the Hash Key and the Range Key element in the KeySchema have the same name");
            }
        }
        for (String attribute : range.isPresent() ? List.of(hash, range.get()) : List.of(hash)) {
            if (!attributes.containsKey(attribute)) {
                throw AwsServiceException.validation(INVALID + "Some index key attributes are not defined in "
                        + "AttributeDefinitions. Keys: [" + attribute + "], AttributeDefinitions: " + attributes.keySet());
            }
        }
        return new KeySchema(hash, attributes.get(hash), range, range.map(attributes::get));
    }

    /** {read, write} capacity: required with PROVISIONED, forbidden with PAY_PER_REQUEST. */
    private static long[] throughput(JsonNode node, String billingMode, String where) throws AwsServiceException {
        boolean given = node != null && !node.isNull();
        if (billingMode.equals("PAY_PER_REQUEST")) {
            if (given) {
                throw AwsServiceException.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can "
                        + "be specified when BillingMode is PAY_PER_REQUEST" + where);
            }
            return new long[] {0, 0};
        }
        if (!given || !node.path("ReadCapacityUnits").canConvertToLong()
                || !node.path("WriteCapacityUnits").canConvertToLong()) {
            throw AwsServiceException.validation(INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be "
                    + "specified when BillingMode is PROVISIONED" + where);
        }
        long read = node.path("ReadCapacityUnits").asLong();
        long write = node.path("WriteCapacityUnits").asLong();
        if (read < 1 || write < 1) {
            throw AwsServiceException.validation(INVALID + "Provisioned throughput must be at least 1" + where);
        }
        return new long[] {read, write};
    }

    private static List<IndexDefinition> globalIndexes(JsonNode list, Map<String, String> attributes,
                                                       String billingMode) throws AwsServiceException {
        List<IndexDefinition> indexes = new ArrayList<>();
        if (list == null || list.isNull()) {
            return indexes;
        }
        if (list.size() > MAX_GLOBAL_INDEXES) {
            throw AwsServiceException.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of "
                    + MAX_GLOBAL_INDEXES);
        }
        Set<String> names = new HashSet<>();
        for (JsonNode index : list) {
            String name = Requests.name(index, "IndexName", "globalSecondaryIndexes.member.indexName");
            if (!names.add(name)) {
                throw AwsServiceException.validation(INVALID + "Duplicate index name: " + name);
            }
            KeySchema key = keySchema(index.get("KeySchema"), "globalSecondaryIndexes.member.keySchema", attributes);
            JsonNode projection = index.get("Projection");
            String type = projection == null ? null : Requests.enumValue(projection, "ProjectionType",
                    "globalSecondaryIndexes.member.projection.projectionType", null, PROJECTIONS);
            if (type == null) {
                throw AwsServiceException.validation(INVALID + "Unknown ProjectionType: null");
            }
            List<String> nonKey = new ArrayList<>();
            projection.path("NonKeyAttributes").forEach(a -> nonKey.add(a.asString()));
            if (type.equals("INCLUDE") && nonKey.isEmpty()) {
                throw AwsServiceException.validation(INVALID + "NonKeyAttributes must not be empty when ProjectionType is INCLUDE");
            }
            if (!type.equals("INCLUDE") && projection.has("NonKeyAttributes")) {
                throw AwsServiceException.validation(INVALID + "ProjectionType is " + type
                        + ", but NonKeyAttributes is specified");
            }
            long[] throughput = throughput(index.get("ProvisionedThroughput"), billingMode, " (index " + name + ")");
            indexes.add(new IndexDefinition(name, key, type, nonKey, throughput[0], throughput[1]));
        }
        return indexes;
    }

    private static void checkAllDefinitionsUsed(Map<String, String> attributes, KeySchema key,
                                                List<IndexDefinition> indexes) throws AwsServiceException {
        Set<String> used = new LinkedHashSet<>(key.attributeNames());
        indexes.forEach(index -> used.addAll(index.keySchema().attributeNames()));
        if (!used.containsAll(attributes.keySet())) {
            throw AwsServiceException.validation(INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: "
                    + new TreeSet<>(attributes.keySet()) + ", keys used: " + new TreeSet<>(used));
        }
    }
}
