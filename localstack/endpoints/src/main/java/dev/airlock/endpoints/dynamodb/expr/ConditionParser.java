package dev.airlock.endpoints.dynamodb.expr;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.ValueOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser of DynamoDB's condition grammar (Developer Guide, "Condition and filter
 * expressions, operators, and functions"). Precedence, lowest first: OR, AND, NOT, then
 * comparisons, BETWEEN, IN and functions; parentheses group.
 */
public final class ConditionParser extends ExpressionParser {

    /** "Maximum number of operands for the IN comparator: 100" (DynamoDB quotas). */
    static final int MAX_IN_OPERANDS = 100;
    private static final Set<String> TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private ConditionParser(String expression, String label, ExpressionContext context) throws AwsServiceException {
        super(expression, label, context);
    }

    /**
     * Parses {@code expression}; {@code label} names the parameter in error messages
     * ({@code ConditionExpression}, {@code FilterExpression}, {@code KeyConditionExpression}).
     */
    public static Condition parse(String expression, String label, ExpressionContext context) throws AwsServiceException {
        ConditionParser parser = new ConditionParser(expression, label, context);
        Condition condition = parser.parseOr();
        parser.expectEnd();
        return condition;
    }

    private Condition parseOr() throws AwsServiceException {
        Condition condition = parseAnd();
        while (accept("OR")) {
            condition = new Condition.Or(condition, parseAnd());
        }
        return condition;
    }

    private Condition parseAnd() throws AwsServiceException {
        Condition condition = parseNot();
        while (accept("AND")) {
            condition = new Condition.And(condition, parseNot());
        }
        return condition;
    }

    private Condition parseNot() throws AwsServiceException {
        if (accept("NOT")) {
            return new Condition.Not(parseNot());
        }
        return parsePrimary();
    }

    private Condition parsePrimary() throws AwsServiceException {
        if (accept("(")) {
            Condition inner = parseOr();
            expect(")");
            return inner;
        }
        if (atFunctionCall() && !peek().is("size")) {
            return parseFunction();
        }
        Operand left = parseOperand();
        Token token = peek();
        Condition.Comparator comparator = token.kind() == Token.Kind.SYMBOL ? Condition.Comparator.of(token.text()) : null;
        if (comparator != null) {
            next();
            return new Condition.Compare(comparator, left, parseOperand());
        }
        if (accept("BETWEEN")) {
            Operand lower = parseOperand();
            expect("AND");
            Operand upper = parseOperand();
            checkBounds(lower, upper);
            return new Condition.Between(left, lower, upper);
        }
        if (accept("IN")) {
            return new Condition.In(left, parseInList());
        }
        throw syntaxError(token);
    }

    private List<Operand> parseInList() throws AwsServiceException {
        expect("(");
        List<Operand> candidates = new ArrayList<>();
        do {
            candidates.add(parseOperand());
        } while (accept(","));
        expect(")");
        if (candidates.size() > MAX_IN_OPERANDS) {
            throw invalid("The IN operator is provided with too many operands; number of operands: " + candidates.size());
        }
        return candidates;
    }

    private Condition parseFunction() throws AwsServiceException {
        Token name = next();
        String function = name.text().toLowerCase(Locale.ROOT);
        if (!Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains")
                .contains(function)) {
            throw invalid("Invalid function name; function: " + name.text());
        }
        expect("(");
        List<Operand> arguments = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                arguments.add(parseOperand());
            } while (accept(","));
        }
        expect(")");
        int expected = function.startsWith("attribute_") && !function.equals("attribute_type") ? 1 : 2;
        if (arguments.size() != expected) {
            throw invalid("Incorrect number of operands for operator or function; operator or function: "
                    + function + ", number of operands: " + arguments.size());
        }
        DocumentPath path = requirePath(arguments.get(0), function);
        return switch (function) {
            case "attribute_exists" -> new Condition.AttributeExists(path);
            case "attribute_not_exists" -> new Condition.AttributeNotExists(path);
            case "attribute_type" -> new Condition.AttributeType(path, checkTypeName(arguments.get(1)));
            case "begins_with" -> new Condition.BeginsWith(path, checkOperandType(arguments.get(1), function, "S", "B"));
            default -> new Condition.Contains(path, arguments.get(1));
        };
    }

    private Operand parseOperand() throws AwsServiceException {
        if (atFunctionCall()) {
            Token name = next();
            if (!name.is("size")) {
                throw invalid("Invalid function name; function: " + name.text());
            }
            expect("(");
            Operand argument = parseOperand();
            expect(")");
            return new Operand.Size(requirePath(argument, "size"));
        }
        if (peek().kind() == Token.Kind.VALUE_PLACEHOLDER) {
            return parseValue();
        }
        return new Operand.Path(parsePath());
    }

    private DocumentPath requirePath(Operand operand, String function) throws AwsServiceException {
        if (operand instanceof Operand.Path path) {
            return path.path();
        }
        throw invalid("Operator or function requires a document path; operator or function: " + function);
    }

    private Operand checkTypeName(Operand operand) throws AwsServiceException {
        if (operand instanceof Operand.Value value) {
            if (!(value.value() instanceof AttributeValue.S s) || !TYPES.contains(s.value())) {
                String shown = value.value() instanceof AttributeValue.S s ? s.value() : value.value().type();
                throw invalid("Invalid attribute type name found; type: " + shown
                        + ", valid types: { B, NULL, SS, BOOL, L, BS, N, NS, S, M }");
            }
        }
        return operand;
    }

    private Operand checkOperandType(Operand operand, String function, String... allowed) throws AwsServiceException {
        if (operand instanceof Operand.Value value && !List.of(allowed).contains(value.value().type())) {
            throw invalid("Incorrect operand type for operator or function; operator or function: " + function
                    + ", operand type: " + value.value().type());
        }
        return operand;
    }

    private void checkBounds(Operand lower, Operand upper) throws AwsServiceException {
        if (lower instanceof Operand.Value low && upper instanceof Operand.Value high) {
            Optional<Integer> order = ValueOrder.compare(low.value(), high.value());
            if (order.isPresent() && order.get() > 0) {
                throw invalid("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                        + "lower bound operand: AttributeValue: {" + low.value().type() + ":" + show(low.value())
                        + "}, upper bound operand: AttributeValue: {" + high.value().type() + ":" + show(high.value()) + "}");
            }
        }
    }

    private static String show(AttributeValue value) {
        if (value instanceof AttributeValue.N n) {
            return n.text();
        }
        if (value instanceof AttributeValue.S s) {
            return s.value();
        }
        return value.toString();
    }
}
