package dev.airlock.endpoints.dynamodb.expr;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser of DynamoDB's update grammar (Developer Guide, "Update expressions"):
 * {@code SET}, {@code REMOVE}, {@code ADD} and {@code DELETE} sections, each at most once, actions
 * separated by commas; SET values may use one {@code +} or {@code -}, {@code if_not_exists} and
 * {@code list_append}.
 */
public final class UpdateParser extends ExpressionParser {

    private static final String LABEL = "UpdateExpression";

    private final List<UpdateExpression.Set> sets = new ArrayList<>();
    private final List<DocumentPath> removes = new ArrayList<>();
    private final List<UpdateExpression.Add> adds = new ArrayList<>();
    private final List<UpdateExpression.Delete> deletes = new ArrayList<>();

    private UpdateParser(String expression, ExpressionContext context) throws AwsServiceException {
        super(expression, LABEL, context);
    }

    public static UpdateExpression parse(String expression, ExpressionContext context) throws AwsServiceException {
        return new UpdateParser(expression, context).parseSections();
    }

    private UpdateExpression parseSections() throws AwsServiceException {
        Set<String> seen = new HashSet<>();
        while (peek().kind() != Token.Kind.END) {
            Token keyword = next();
            String section = keyword.text().toUpperCase(Locale.ROOT);
            if (keyword.kind() != Token.Kind.IDENTIFIER || !Set.of("SET", "REMOVE", "ADD", "DELETE").contains(section)) {
                throw syntaxError(keyword);
            }
            if (!seen.add(section)) {
                throw invalid("The \"" + section + "\" section can only be used once in an update expression;");
            }
            do {
                parseAction(section);
            } while (accept(","));
        }
        UpdateExpression update = new UpdateExpression(sets, removes, adds, deletes);
        if (update.targets().isEmpty()) {
            throw invalid("The expression can not be empty;");
        }
        checkNoOverlap(update.targets());
        return update;
    }

    private void parseAction(String section) throws AwsServiceException {
        DocumentPath path = parsePath();
        switch (section) {
            case "SET" -> {
                expect("=");
                sets.add(new UpdateExpression.Set(path, parseSetValue()));
            }
            case "REMOVE" -> removes.add(path);
            case "ADD" -> adds.add(new UpdateExpression.Add(path,
                    checkType(parseValue().value(), "ADD", "N", "SS", "NS", "BS")));
            default -> deletes.add(new UpdateExpression.Delete(path,
                    checkType(parseValue().value(), "DELETE", "SS", "NS", "BS")));
        }
    }

    private UpdateExpression.SetValue parseSetValue() throws AwsServiceException {
        UpdateExpression.SetValue left = parseTerm();
        if (peek().is("+") || peek().is("-")) {
            boolean plus = next().is("+");
            UpdateExpression.SetValue right = parseTerm();
            String operator = plus ? "+" : "-";
            checkConstant(left, operator, "N");
            checkConstant(right, operator, "N");
            return new UpdateExpression.Arithmetic(plus, left, right);
        }
        return left;
    }

    private UpdateExpression.SetValue parseTerm() throws AwsServiceException {
        if (atFunctionCall()) {
            Token name = next();
            String function = name.text().toLowerCase(Locale.ROOT);
            expect("(");
            UpdateExpression.SetValue result;
            if (function.equals("if_not_exists")) {
                UpdateExpression.SetValue path = parseTerm();
                if (!(path instanceof UpdateExpression.OperandValue o && o.operand() instanceof Operand.Path p)) {
                    throw invalid("Operator or function requires a document path; operator or function: if_not_exists");
                }
                expect(",");
                result = new UpdateExpression.IfNotExists(p.path(), parseTerm());
            } else if (function.equals("list_append")) {
                UpdateExpression.SetValue first = parseTerm();
                expect(",");
                UpdateExpression.SetValue second = parseTerm();
                checkConstant(first, "list_append", "L");
                checkConstant(second, "list_append", "L");
                result = new UpdateExpression.ListAppend(first, second);
            } else {
                throw invalid("Invalid function name; function: " + name.text());
            }
            expect(")");
            return result;
        }
        if (peek().kind() == Token.Kind.VALUE_PLACEHOLDER) {
            return new UpdateExpression.OperandValue(parseValue());
        }
        return new UpdateExpression.OperandValue(new Operand.Path(parsePath()));
    }

    private void checkConstant(UpdateExpression.SetValue value, String operator, String type) throws AwsServiceException {
        if (value instanceof UpdateExpression.OperandValue o && o.operand() instanceof Operand.Value v
                && !v.value().type().equals(type)) {
            throw invalid("Incorrect operand type for operator or function; operator or function: " + operator
                    + ", operand type: " + v.value().type());
        }
    }

    private AttributeValue checkType(AttributeValue value, String operator, String... allowed) throws AwsServiceException {
        if (!List.of(allowed).contains(value.type())) {
            throw invalid("Incorrect operand type for operator or function; operator: " + operator
                    + ", operand type: " + longTypeName(value.type()));
        }
        return value;
    }

    private static String longTypeName(String type) {
        return switch (type) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "SS" -> "STRING_SET";
            case "NS" -> "NUMBER_SET";
            case "BS" -> "BINARY_SET";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> type;
        };
    }
}
