package dev.airlock.endpoints.dynamodb.expr;

import java.util.List;

/** The syntax tree of a condition, filter or key condition expression. */
public sealed interface Condition {

    /** The comparators of DynamoDB's condition grammar. */
    enum Comparator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        static Comparator of(String symbol) {
            for (Comparator comparator : values()) {
                if (comparator.symbol.equals(symbol)) {
                    return comparator;
                }
            }
            return null;
        }
    }

    record Compare(Comparator comparator, Operand left, Operand right) implements Condition {
    }

    record Between(Operand value, Operand lower, Operand upper) implements Condition {
    }

    record In(Operand value, List<Operand> candidates) implements Condition {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    record And(Condition left, Condition right) implements Condition {
    }

    record Or(Condition left, Condition right) implements Condition {
    }

    record Not(Condition condition) implements Condition {
    }

    record AttributeExists(DocumentPath path) implements Condition {
    }

    record AttributeNotExists(DocumentPath path) implements Condition {
    }

    record AttributeType(DocumentPath path, Operand type) implements Condition {
    }

    record BeginsWith(DocumentPath path, Operand prefix) implements Condition {
    }

    record Contains(DocumentPath path, Operand operand) implements Condition {
    }
}
