package dev.airlock.endpoints.dynamodb.expr;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.Bytes;
import dev.airlock.endpoints.dynamodb.value.Numbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies an {@link UpdateExpression} to an item. As in DynamoDB, every SET value is computed from
 * the item as it was before the update; then SET, REMOVE, ADD and DELETE are applied.
 */
public final class UpdateApplier {

    static final String MISSING_OPERAND = "The provided expression refers to an attribute that does not exist in the item";
    static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";
    static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";

    private UpdateApplier() {
    }

    /** The item after {@code update}; {@code original} is not changed. */
    public static Map<String, AttributeValue> apply(Map<String, AttributeValue> original, UpdateExpression update)
            throws AwsServiceException {
        List<AttributeValue> setValues = new ArrayList<>();
        for (UpdateExpression.Set set : update.sets()) {
            setValues.add(evaluate(set.value(), original));
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>(original);
        for (int i = 0; i < update.sets().size(); i++) {
            DocumentPaths.put(item, update.sets().get(i).path(), setValues.get(i));
        }
        List<DocumentPath> removes = new ArrayList<>(update.removes());
        removes.sort(HIGHER_INDEX_FIRST);
        for (DocumentPath path : removes) {
            DocumentPaths.remove(item, path);
        }
        for (UpdateExpression.Add add : update.adds()) {
            DocumentPaths.put(item, add.path(), added(add.path().resolve(item), add.value()));
        }
        for (UpdateExpression.Delete delete : update.deletes()) {
            Optional<AttributeValue> current = delete.path().resolve(item);
            if (current.isPresent()) {
                Optional<AttributeValue> rest = without(current.get(), delete.value());
                if (rest.isPresent()) {
                    DocumentPaths.put(item, delete.path(), rest.get());
                } else {
                    DocumentPaths.remove(item, delete.path());
                }
            }
        }
        return item;
    }

    /** Removing {@code a[3]} before {@code a[1]} keeps both indexes meaning what they meant. */
    private static final Comparator<DocumentPath> HIGHER_INDEX_FIRST = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.element(i);
            Object y = b.element(i);
            if (x instanceof Integer p && y instanceof Integer q && !p.equals(q)) {
                return Integer.compare(q, p);
            }
            if (!x.equals(y)) {
                return x.toString().compareTo(y.toString());
            }
        }
        return 0;
    };

    static AttributeValue evaluate(UpdateExpression.SetValue value, Map<String, AttributeValue> item)
            throws AwsServiceException {
        if (value instanceof UpdateExpression.OperandValue operand) {
            return ConditionEvaluator.value(operand.operand(), item)
                    .orElseThrow(() -> AwsServiceException.validation(MISSING_OPERAND));
        }
        if (value instanceof UpdateExpression.IfNotExists ifNotExists) {
            Optional<AttributeValue> existing = ifNotExists.path().resolve(item);
            return existing.isPresent() ? existing.get() : evaluate(ifNotExists.fallback(), item);
        }
        if (value instanceof UpdateExpression.ListAppend append) {
            AttributeValue first = evaluate(append.first(), item);
            AttributeValue second = evaluate(append.second(), item);
            if (!(first instanceof AttributeValue.L a) || !(second instanceof AttributeValue.L b)) {
                throw AwsServiceException.validation(WRONG_TYPE);
            }
            List<AttributeValue> joined = new ArrayList<>(a.value());
            joined.addAll(b.value());
            return new AttributeValue.L(joined);
        }
        UpdateExpression.Arithmetic arithmetic = (UpdateExpression.Arithmetic) value;
        AttributeValue left = evaluate(arithmetic.left(), item);
        AttributeValue right = evaluate(arithmetic.right(), item);
        if (!(left instanceof AttributeValue.N a) || !(right instanceof AttributeValue.N b)) {
            throw AwsServiceException.validation(WRONG_TYPE);
        }
        BigDecimal result = arithmetic.plus() ? a.value().add(b.value()) : a.value().subtract(b.value());
        return new AttributeValue.N(Numbers.check(result));
    }

    private static AttributeValue added(Optional<AttributeValue> current, AttributeValue operand)
            throws AwsServiceException {
        if (current.isEmpty()) {
            return operand;
        }
        AttributeValue existing = current.get();
        if (existing instanceof AttributeValue.N a && operand instanceof AttributeValue.N b) {
            return new AttributeValue.N(Numbers.check(a.value().add(b.value())));
        }
        if (existing instanceof AttributeValue.SS a && operand instanceof AttributeValue.SS b) {
            return new AttributeValue.SS(union(a.value(), b.value()));
        }
        if (existing instanceof AttributeValue.NS a && operand instanceof AttributeValue.NS b) {
            return new AttributeValue.NS(union(a.value(), b.value()));
        }
        if (existing instanceof AttributeValue.BS a && operand instanceof AttributeValue.BS b) {
            return new AttributeValue.BS(union(a.value(), b.value()));
        }
        throw AwsServiceException.validation(WRONG_TYPE);
    }

    /** The set without the members of {@code operand}; empty when nothing is left (the attribute goes). */
    private static Optional<AttributeValue> without(AttributeValue existing, AttributeValue operand)
            throws AwsServiceException {
        if (existing instanceof AttributeValue.SS a && operand instanceof AttributeValue.SS b) {
            Set<String> rest = minus(a.value(), b.value());
            return rest.isEmpty() ? Optional.empty() : Optional.of(new AttributeValue.SS(rest));
        }
        if (existing instanceof AttributeValue.NS a && operand instanceof AttributeValue.NS b) {
            Set<BigDecimal> rest = minus(a.value(), b.value());
            return rest.isEmpty() ? Optional.empty() : Optional.of(new AttributeValue.NS(rest));
        }
        if (existing instanceof AttributeValue.BS a && operand instanceof AttributeValue.BS b) {
            Set<Bytes> rest = minus(a.value(), b.value());
            return rest.isEmpty() ? Optional.empty() : Optional.of(new AttributeValue.BS(rest));
        }
        throw AwsServiceException.validation(WRONG_TYPE);
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.addAll(b);
        return result;
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.removeAll(b);
        return result;
    }
}
