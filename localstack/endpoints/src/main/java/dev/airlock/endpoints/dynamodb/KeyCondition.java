package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.expr.Condition;
import dev.airlock.endpoints.dynamodb.expr.DocumentPath;
import dev.airlock.endpoints.dynamodb.expr.Operand;
import dev.airlock.endpoints.dynamodb.table.KeySchema;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Query's {@code KeyConditionExpression} taken apart: equality on the partition key and at
 * most one condition ({@code = < <= > >= BETWEEN begins_with}) on the sort key, joined by AND
 * (Developer Guide, "Key condition expressions for Query").
 */
record KeyCondition(AttributeValue partitionValue, Optional<Condition> sortCondition) {

    private static final String INVALID = "One or more parameter values were invalid: ";

    static KeyCondition of(Condition expression, KeySchema schema) throws AwsServiceException {
        List<Condition> parts = new ArrayList<>();
        flatten(expression, parts);
        AttributeValue partition = null;
        Condition sort = null;
        for (Condition part : parts) {
            String attribute = keyAttribute(part);
            if (!schema.contains(attribute)) {
                throw AwsServiceException.validation("Query condition missed key schema element: "
                        + (partition == null ? schema.hashName() : schema.rangeName().orElse(schema.hashName())));
            }
            if (attribute.equals(schema.hashName())) {
                if (partition != null) {
                    throw AwsServiceException.validation("KeyConditionExpressions must only contain one condition per key");
                }
                if (!(part instanceof Condition.Compare compare) || compare.comparator() != Condition.Comparator.EQ) {
                    throw AwsServiceException.validation("Query key condition not supported");
                }
                partition = checkType(((Operand.Value) compare.right()).value(), schema.hashType());
            } else {
                if (sort != null) {
                    throw AwsServiceException.validation("KeyConditionExpressions must only contain one condition per key");
                }
                checkSortValues(part, schema.rangeType().orElseThrow());
                sort = part;
            }
        }
        if (partition == null) {
            throw AwsServiceException.validation("Query condition missed key schema element: " + schema.hashName());
        }
        return new KeyCondition(partition, Optional.ofNullable(sort));
    }

    private static void flatten(Condition condition, List<Condition> parts) throws AwsServiceException {
        if (condition instanceof Condition.And and) {
            flatten(and.left(), parts);
            flatten(and.right(), parts);
        } else {
            parts.add(condition);
        }
    }

    /** The key attribute a part constrains; anything but path-versus-values forms is not a key condition. */
    private static String keyAttribute(Condition part) throws AwsServiceException {
        DocumentPath path = null;
        if (part instanceof Condition.Compare compare && compare.comparator() != Condition.Comparator.NE
                && compare.left() instanceof Operand.Path p && compare.right() instanceof Operand.Value) {
            path = p.path();
        } else if (part instanceof Condition.Between between && between.value() instanceof Operand.Path p
                && between.lower() instanceof Operand.Value && between.upper() instanceof Operand.Value) {
            path = p.path();
        } else if (part instanceof Condition.BeginsWith begins && begins.prefix() instanceof Operand.Value) {
            path = begins.path();
        }
        if (path == null || !path.isTopLevel()) {
            throw AwsServiceException.validation("Query key condition not supported");
        }
        return path.attribute();
    }

    private static void checkSortValues(Condition part, String type) throws AwsServiceException {
        if (part instanceof Condition.Compare compare) {
            checkType(((Operand.Value) compare.right()).value(), type);
        } else if (part instanceof Condition.Between between) {
            checkType(((Operand.Value) between.lower()).value(), type);
            checkType(((Operand.Value) between.upper()).value(), type);
        } else if (part instanceof Condition.BeginsWith begins) {
            if (type.equals("N")) {
                throw AwsServiceException.validation("Invalid KeyConditionExpression: Incorrect operand type for "
                        + "operator or function; operator or function: begins_with, operand type: N");
            }
            checkType(((Operand.Value) begins.prefix()).value(), type);
        }
    }

    private static AttributeValue checkType(AttributeValue value, String type) throws AwsServiceException {
        if (!value.type().equals(type)) {
            throw AwsServiceException.validation(INVALID + "Condition parameter type does not match schema type");
        }
        return value;
    }
}
