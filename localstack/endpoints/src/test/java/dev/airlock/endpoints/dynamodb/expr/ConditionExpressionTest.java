package dev.airlock.endpoints.dynamodb.expr;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The condition grammar and its evaluation, table-driven against one item. */
class ConditionExpressionTest {

    private static final Map<String, AttributeValue> ITEM = Map.of(
            "s", new AttributeValue.S("airlock"),
            "n", new AttributeValue.N(new BigDecimal("5")),
            "b", new AttributeValue.B(Bytes.of(new byte[] {1, 2, 3})),
            "t", new AttributeValue.Bool(true),
            "ss", new AttributeValue.SS(Set.of("x", "y")),
            "ns", new AttributeValue.NS(Set.of(new BigDecimal("1"), new BigDecimal("2.5"))),
            "l", new AttributeValue.L(List.of(new AttributeValue.S("p"), new AttributeValue.N(BigDecimal.ONE))),
            "m", new AttributeValue.M(Map.of("k", new AttributeValue.S("v"),
                    "deep", new AttributeValue.L(List.of(new AttributeValue.M(Map.of("z", new AttributeValue.S("zz"))))))),
            "state", new AttributeValue.S("OPEN"),
            "u", new AttributeValue.S("\u00e9\ud834\udd1e"));

    private static final Map<String, AttributeValue> VALUES = Map.ofEntries(
            Map.entry(":five", new AttributeValue.N(new BigDecimal("5.00"))),
            Map.entry(":two", new AttributeValue.N(new BigDecimal("2"))),
            Map.entry(":ten", new AttributeValue.N(new BigDecimal("10"))),
            Map.entry(":one", new AttributeValue.N(BigDecimal.ONE)),
            Map.entry(":seven", new AttributeValue.N(new BigDecimal("7"))),
            Map.entry(":air", new AttributeValue.S("air")),
            Map.entry(":lock", new AttributeValue.S("lock")),
            Map.entry(":x", new AttributeValue.S("x")),
            Map.entry(":p", new AttributeValue.S("p")),
            Map.entry(":open", new AttributeValue.S("OPEN")),
            Map.entry(":zz", new AttributeValue.S("zz")),
            Map.entry(":S", new AttributeValue.S("S")),
            Map.entry(":SS", new AttributeValue.S("SS")),
            Map.entry(":b12", new AttributeValue.B(Bytes.of(new byte[] {1, 2}))),
            Map.entry(":fiveText", new AttributeValue.S("5")),
            Map.entry(":two5", new AttributeValue.N(new BigDecimal("2.50"))),
            Map.entry(":three", new AttributeValue.N(new BigDecimal("3"))));

    private static boolean evaluate(String expression) throws AwsServiceException {
        ExpressionContext context = ExpressionContext.of(Map.of("#st", "state", "#k", "k"), VALUES);
        Condition condition = ConditionParser.parse(expression, "ConditionExpression", context);
        return ConditionEvaluator.matches(condition, ITEM);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "n = :five                                   | true",
            "n <> :five                                  | false",
            "n < :ten AND n > :two                       | true",
            "n <= :five AND n >= :five                   | true",
            "n = :fiveText                               | false",
            "n <> :fiveText                              | true",
            "absent = :five                              | false",
            "absent <> :five                             | true",
            "absent < :five                              | false",
            "n BETWEEN :two AND :ten                     | true",
            "n BETWEEN :seven AND :ten                   | false",
            "n IN (:one, :two, :five)                    | true",
            "n IN (:one, :two)                           | false",
            "NOT n = :five                               | false",
            "NOT (n = :one OR n = :two) AND s = :air     | false",
            "n = :one OR n = :two AND n = :five          | false",
            "(n = :one OR n = :five) AND s <> :air       | true",
            "n = :five OR n = :one AND n = :two          | true",
            "attribute_exists(s)                         | true",
            "attribute_exists(m.k)                       | true",
            "attribute_exists(m.deep[0].z)               | true",
            "attribute_exists(m.deep[1].z)               | false",
            "attribute_not_exists(absent)                | true",
            "attribute_not_exists(m.#k)                  | false",
            "attribute_type(s, :S)                       | true",
            "attribute_type(ss, :SS)                     | true",
            "attribute_type(n, :S)                       | false",
            "begins_with(s, :air)                        | true",
            "begins_with(s, :lock)                       | false",
            "begins_with(b, :b12)                        | true",
            "begins_with(n, :air)                        | false",
            "contains(s, :lock)                          | true",
            "contains(ss, :x)                            | true",
            "contains(ns, :two5)                         | true",
            "contains(l, :p)                             | true",
            "contains(l, :x)                             | false",
            "size(s) = :seven                            | true",
            "size(ss) = :two                             | true",
            "size(l) = :two                              | true",
            "size(b) > :two                              | true",
            "size(n) = :one                              | false",
            "size(u) = :three                            | true",
            "m.deep[0].z = :zz                           | true",
            "#st = :open                                 | true",
            "s > :air                                    | true",
            "s < :lock                                   | true",
    })
    void conditions_evaluateAsDocumented(String expression, boolean expected) throws AwsServiceException {
        assertThat(evaluate(expression)).as(expression).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "n =                               | Syntax error; token: \"<EOF>\"",
            "n = = :five                       | Syntax error; token: \"=\"",
            "(n = :five                        | Syntax error; token: \"<EOF>\"",
            "n = :five)                        | Syntax error; token: \")\"",
            "n == :five                        | Syntax error; token: \"=\"",
            "n = :nope                         | An expression attribute value used in expression is not defined; attribute value: :nope",
            "#nope = :five                     | An expression attribute name used in the document path is not defined; attribute name: #nope",
            "status = :five                    | Attribute name is a reserved keyword; reserved keyword: status",
            "exists(n)                         | Invalid function name; function: exists",
            "attribute_exists(:five)           | Operator or function requires a document path; operator or function: attribute_exists",
            "begins_with(s, :five)             | Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
            "attribute_type(s, :air)           | Invalid attribute type name found; type: air",
            "n BETWEEN :ten AND :two           | The BETWEEN operator requires upper bound to be greater than or equal to lower bound",
            "attribute_exists(s, n)            | Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2",
            "n = :five ; n = :two              | Invalid character encountered in expression; character: \";\"",
            "''                                | The expression can not be empty;",
    })
    void invalidConditions_areValidationErrorsWithDynamoDbsMessage(String expression, String message) {
        assertThatThrownBy(() -> evaluate(expression))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.type()).isEqualTo("ValidationException");
                    assertThat(e.getMessage()).startsWith("Invalid ConditionExpression: ").contains(message);
                });
    }

    @org.junit.jupiter.api.Test
    void inWithMoreThan100Operands_isRefused() {
        StringBuilder expression = new StringBuilder("n IN (");
        for (int i = 0; i < 101; i++) {
            expression.append(i == 0 ? "" : ", ").append(":one");
        }
        assertThatThrownBy(() -> evaluate(expression.append(")").toString()))
                .hasMessageContaining("The IN operator is provided with too many operands; number of operands: 101");
    }

    @org.junit.jupiter.api.Test
    void expressionsOver4Kb_areRefused() {
        String expression = "n = :one" + " OR n = :one".repeat(400);
        assertThatThrownBy(() -> evaluate(expression))
                .hasMessageContaining("Expression size has exceeded the maximum allowed size");
    }

    @org.junit.jupiter.api.Test
    void unusedPlaceholders_areRefusedAfterParsing() throws AwsServiceException {
        ExpressionContext context = ExpressionContext.of(Map.of("#a", "a", "#unused", "u"), VALUES);
        ConditionParser.parse("#a = :one", "ConditionExpression", context);

        assertThatThrownBy(context::checkAllUsed)
                .hasMessage("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}");
    }
}
