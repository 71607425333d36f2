package dev.airlock.endpoints.dynamodb.expr;

import dev.airlock.endpoints.dynamodb.value.AttributeValue;

/** Something a condition compares: a document path, an expression attribute value, or {@code size(path)}. */
public sealed interface Operand {

    record Path(DocumentPath path) implements Operand {
    }

    record Value(String placeholder, AttributeValue value) implements Operand {
    }

    record Size(DocumentPath path) implements Operand {
    }
}
