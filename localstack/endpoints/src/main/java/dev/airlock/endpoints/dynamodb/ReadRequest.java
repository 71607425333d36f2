package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.expr.Condition;
import dev.airlock.endpoints.dynamodb.expr.ConditionParser;
import dev.airlock.endpoints.dynamodb.expr.DocumentPath;
import dev.airlock.endpoints.dynamodb.expr.ExpressionContext;
import dev.airlock.endpoints.dynamodb.expr.ProjectionParser;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.AttributeValueJson;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parameters Query and Scan share, parsed and checked before the store is locked. */
record ReadRequest(String tableName, Optional<String> indexName, Optional<Integer> limit, Optional<String> select,
                   Optional<List<DocumentPath>> projection, Optional<Condition> filter, boolean consistentRead,
                   Optional<Map<String, AttributeValue>> exclusiveStartKey,
                   Optional<Condition> keyCondition, boolean forward, int segment, int totalSegments) {

    static final List<String> SELECT = List.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");
    /** "Scan: TotalSegments ... maximum value of 1,000,000" (DynamoDB API reference). */
    static final int MAX_SEGMENTS = 1_000_000;

    static ReadRequest query(ObjectNode request) throws AwsServiceException {
        Requests.rejectLegacy(request, "KeyConditions", "QueryFilter", "AttributesToGet", "ConditionalOperator");
        ExpressionContext context = ExpressionContext.of(request);
        Optional<String> keyExpression = Requests.optionalString(request, "KeyConditionExpression");
        if (keyExpression.isEmpty()) {
            throw AwsServiceException.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        Condition keyCondition = ConditionParser.parse(keyExpression.get(), "KeyConditionExpression", context);
        boolean forward = !request.hasNonNull("ScanIndexForward") || Requests.bool(request, "ScanIndexForward");
        return common(request, context, Optional.of(keyCondition), forward, 0, 1);
    }

    static ReadRequest scan(ObjectNode request) throws AwsServiceException {
        Requests.rejectLegacy(request, "ScanFilter", "AttributesToGet", "ConditionalOperator");
        ExpressionContext context = ExpressionContext.of(request);
        Optional<Integer> segment = Requests.optionalInt(request, "Segment");
        Optional<Integer> total = Requests.optionalInt(request, "TotalSegments");
        if (segment.isPresent() != total.isPresent()) {
            throw AwsServiceException.validation(segment.isPresent()
                    ? "The TotalSegments parameter is required but was not present in the request when Segment parameter is present"
                    : "The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        int totalSegments = total.orElse(1);
        int segmentNumber = segment.orElse(0);
        if (totalSegments < 1 || totalSegments > MAX_SEGMENTS) {
            throw Requests.constraint(String.valueOf(totalSegments), "totalSegments", totalSegments < 1
                    ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to " + MAX_SEGMENTS);
        }
        if (segmentNumber < 0 || segmentNumber >= totalSegments) {
            throw AwsServiceException.validation("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + segmentNumber + " is not less than TotalSegments: " + totalSegments);
        }
        return common(request, context, Optional.empty(), true, segmentNumber, totalSegments);
    }

    private static ReadRequest common(ObjectNode request, ExpressionContext context, Optional<Condition> keyCondition,
                                      boolean forward, int segment, int totalSegments) throws AwsServiceException {
        String tableName = Requests.tableName(request);
        Optional<String> indexName = Requests.optionalString(request, "IndexName");
        Optional<Integer> limit = Requests.optionalInt(request, "Limit");
        if (limit.isPresent() && limit.get() < 1) {
            throw Requests.constraint(String.valueOf(limit.get()), "limit", "Member must have value greater than or equal to 1");
        }
        Optional<String> select = request.hasNonNull("Select")
                ? Optional.of(Requests.enumValue(request, "Select", "select", null, SELECT)) : Optional.empty();
        Optional<Condition> filter = Optional.empty();
        Optional<String> filterText = Requests.optionalString(request, "FilterExpression");
        if (filterText.isPresent()) {
            filter = Optional.of(ConditionParser.parse(filterText.get(), "FilterExpression", context));
        }
        Optional<List<DocumentPath>> projection = Optional.empty();
        Optional<String> projectionText = Requests.optionalString(request, "ProjectionExpression");
        if (projectionText.isPresent()) {
            projection = Optional.of(ProjectionParser.parse(projectionText.get(), context));
        }
        context.checkAllUsed();
        Optional<Map<String, AttributeValue>> start = request.hasNonNull("ExclusiveStartKey")
                ? Optional.of(AttributeValueJson.itemFromJson(request.get("ExclusiveStartKey"))) : Optional.empty();
        return new ReadRequest(tableName, indexName, limit, select, projection, filter,
                Requests.bool(request, "ConsistentRead"), start, keyCondition, forward, segment, totalSegments);
    }
}
