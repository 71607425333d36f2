package dev.airlock.endpoints.dynamodb.expr;

import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.ValueOrder;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a {@link Condition} against an item (empty when the item does not exist), following the
 * DynamoDB comparison reference: a comparison with a missing attribute, or between values of
 * different types, is false (so {@code <>} is true); only S, N and B are ordered; numbers compare
 * as decimals.
 */
public final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    public static boolean matches(Condition condition, Map<String, AttributeValue> item) {
        if (condition instanceof Condition.And and) {
            return matches(and.left(), item) && matches(and.right(), item);
        }
        if (condition instanceof Condition.Or or) {
            return matches(or.left(), item) || matches(or.right(), item);
        }
        if (condition instanceof Condition.Not not) {
            return !matches(not.condition(), item);
        }
        if (condition instanceof Condition.Compare compare) {
            return compare(compare.comparator(), value(compare.left(), item), value(compare.right(), item));
        }
        if (condition instanceof Condition.Between between) {
            Optional<AttributeValue> v = value(between.value(), item);
            return compare(Condition.Comparator.GE, v, value(between.lower(), item))
                    && compare(Condition.Comparator.LE, v, value(between.upper(), item));
        }
        if (condition instanceof Condition.In in) {
            Optional<AttributeValue> v = value(in.value(), item);
            return in.candidates().stream().anyMatch(c -> compare(Condition.Comparator.EQ, v, value(c, item)));
        }
        return matchesFunction(condition, item);
    }

    private static boolean matchesFunction(Condition condition, Map<String, AttributeValue> item) {
        if (condition instanceof Condition.AttributeExists exists) {
            return exists.path().resolve(item).isPresent();
        }
        if (condition instanceof Condition.AttributeNotExists notExists) {
            return notExists.path().resolve(item).isEmpty();
        }
        if (condition instanceof Condition.AttributeType type) {
            Optional<AttributeValue> v = type.path().resolve(item);
            Optional<AttributeValue> name = value(type.type(), item);
            return v.isPresent() && name.isPresent() && name.get() instanceof AttributeValue.S s
                    && s.value().equals(v.get().type());
        }
        if (condition instanceof Condition.BeginsWith begins) {
            return beginsWith(begins.path().resolve(item), value(begins.prefix(), item));
        }
        if (condition instanceof Condition.Contains contains) {
            return contains(contains.path().resolve(item), value(contains.operand(), item));
        }
        throw new IllegalStateException("unknown condition " + condition);
    }

    /** The value of an operand against {@code item}; empty when a path is missing or size is undefined. */
    public static Optional<AttributeValue> value(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Operand.Value value) {
            return Optional.of(value.value());
        }
        if (operand instanceof Operand.Path path) {
            return path.path().resolve(item);
        }
        return ((Operand.Size) operand).path().resolve(item).flatMap(ConditionEvaluator::size);
    }

    /**
     * DynamoDB's {@code size}: UTF-16 code units of S (what real DynamoDB counts: "é𝄞" has size 3),
     * bytes of B, members of sets, elements of L and M; undefined for N, BOOL and NULL.
     */
    static Optional<AttributeValue> size(AttributeValue value) {
        long size;
        if (value instanceof AttributeValue.S s) {
            size = s.value().length();
        } else if (value instanceof AttributeValue.B b) {
            size = b.value().length();
        } else if (value instanceof AttributeValue.SS ss) {
            size = ss.value().size();
        } else if (value instanceof AttributeValue.NS ns) {
            size = ns.value().size();
        } else if (value instanceof AttributeValue.BS bs) {
            size = bs.value().size();
        } else if (value instanceof AttributeValue.L l) {
            size = l.value().size();
        } else if (value instanceof AttributeValue.M m) {
            size = m.value().size();
        } else {
            return Optional.empty();
        }
        return Optional.of(new AttributeValue.N(BigDecimal.valueOf(size)));
    }

    static boolean compare(Condition.Comparator comparator, Optional<AttributeValue> left,
                           Optional<AttributeValue> right) {
        if (comparator == Condition.Comparator.EQ || comparator == Condition.Comparator.NE) {
            boolean equal = left.isPresent() && right.isPresent() && left.get().equals(right.get());
            return (comparator == Condition.Comparator.EQ) == equal;
        }
        if (left.isEmpty() || right.isEmpty()) {
            return false;
        }
        Optional<Integer> order = ValueOrder.compare(left.get(), right.get());
        if (order.isEmpty()) {
            return false;
        }
        int c = order.get();
        return switch (comparator) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> throw new IllegalStateException(comparator.name());
        };
    }

    private static boolean beginsWith(Optional<AttributeValue> value, Optional<AttributeValue> prefix) {
        if (value.isEmpty() || prefix.isEmpty()) {
            return false;
        }
        if (value.get() instanceof AttributeValue.S s && prefix.get() instanceof AttributeValue.S p) {
            return s.value().startsWith(p.value());
        }
        if (value.get() instanceof AttributeValue.B b && prefix.get() instanceof AttributeValue.B p) {
            return b.value().startsWith(p.value());
        }
        return false;
    }

    private static boolean contains(Optional<AttributeValue> container, Optional<AttributeValue> operand) {
        if (container.isEmpty() || operand.isEmpty()) {
            return false;
        }
        AttributeValue c = container.get();
        AttributeValue o = operand.get();
        if (c instanceof AttributeValue.S s && o instanceof AttributeValue.S part) {
            return s.value().contains(part.value());
        }
        if (c instanceof AttributeValue.B b && o instanceof AttributeValue.B part) {
            return b.value().contains(part.value());
        }
        if (c instanceof AttributeValue.SS ss && o instanceof AttributeValue.S member) {
            return ss.value().contains(member.value());
        }
        if (c instanceof AttributeValue.NS ns && o instanceof AttributeValue.N member) {
            return ns.value().contains(member.value());
        }
        if (c instanceof AttributeValue.BS bs && o instanceof AttributeValue.B member) {
            return bs.value().contains(member.value());
        }
        if (c instanceof AttributeValue.L list) {
            return list.value().contains(o);
        }
        return false;
    }
}
