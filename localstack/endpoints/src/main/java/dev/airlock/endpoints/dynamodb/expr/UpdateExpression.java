package dev.airlock.endpoints.dynamodb.expr;

import dev.airlock.endpoints.dynamodb.value.AttributeValue;

import java.util.ArrayList;
import java.util.List;

/** The syntax tree of an update expression: its SET, REMOVE, ADD and DELETE actions. */
public record UpdateExpression(List<Set> sets, List<DocumentPath> removes, List<Add> adds, List<Delete> deletes) {

    public UpdateExpression {
        sets = List.copyOf(sets);
        removes = List.copyOf(removes);
        adds = List.copyOf(adds);
        deletes = List.copyOf(deletes);
    }

    /** Every path the expression writes, in the order of its actions. */
    public List<DocumentPath> targets() {
        List<DocumentPath> targets = new ArrayList<>();
        sets.forEach(s -> targets.add(s.path()));
        targets.addAll(removes);
        adds.forEach(a -> targets.add(a.path()));
        deletes.forEach(d -> targets.add(d.path()));
        return targets;
    }

    /** {@code SET path = value}. */
    public record Set(DocumentPath path, SetValue value) {
    }

    /** {@code ADD path :value} (numbers and sets). */
    public record Add(DocumentPath path, AttributeValue value) {
    }

    /** {@code DELETE path :value} (sets). */
    public record Delete(DocumentPath path, AttributeValue value) {
    }

    /** The right-hand side of a SET action. */
    public sealed interface SetValue {
    }

    /** A path or a {@code :value}. */
    public record OperandValue(Operand operand) implements SetValue {
    }

    /** {@code a + b} or {@code a - b}. */
    public record Arithmetic(boolean plus, SetValue left, SetValue right) implements SetValue {
    }

    /** {@code if_not_exists(path, value)}. */
    public record IfNotExists(DocumentPath path, SetValue fallback) implements SetValue {
    }

    /** {@code list_append(a, b)}. */
    public record ListAppend(SetValue first, SetValue second) implements SetValue {
    }
}
