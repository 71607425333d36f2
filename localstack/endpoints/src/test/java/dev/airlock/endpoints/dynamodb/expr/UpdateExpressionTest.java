package dev.airlock.endpoints.dynamodb.expr;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.AttributeValueJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Update expressions applied to one item, table-driven; items written in DynamoDB JSON. */
class UpdateExpressionTest {

    private static final String ITEM = """
            {"id": {"S": "1"}, "n": {"N": "10"}, "s": {"S": "text"},
             "l": {"L": [{"S": "a"}, {"S": "b"}, {"S": "c"}]},
             "m": {"M": {"k": {"S": "v"}, "nest": {"M": {"x": {"N": "1"}}}}},
             "ss": {"SS": ["x", "y"]}, "ns": {"NS": ["1", "2"]}}""";
    private static final String VALUES = """
            {":one": {"N": "1"}, ":half": {"N": "0.5"}, ":s": {"S": "new"}, ":list": {"L": [{"S": "d"}]},
             ":z": {"SS": ["z"]}, ":x": {"SS": ["x"]}, ":xy": {"SS": ["x", "y"]}, ":n3": {"NS": ["3"]},
             ":empty": {"L": []}}""";

    private static Map<String, AttributeValue> json(String text) throws AwsServiceException {
        return AttributeValueJson.itemFromJson(JsonMapper.builder().build().readTree(text));
    }

    private static Map<String, AttributeValue> apply(String expression) throws AwsServiceException {
        Map<String, AttributeValue> values = json(VALUES);
        values.keySet().retainAll(java.util.Arrays.stream(expression.split("[^:A-Za-z0-9_]+"))
                .filter(t -> t.startsWith(":")).toList());
        ExpressionContext context = ExpressionContext.of(Map.of("#n", "n"), values);
        return UpdateApplier.apply(json(ITEM), UpdateParser.parse(expression, context));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SET n = n + :one                               | n      | {\"N\": \"11\"}",
            "SET n = n - :half                              | n      | {\"N\": \"9.5\"}",
            "SET #n = :one                                  | n      | {\"N\": \"1\"}",
            "SET fresh = if_not_exists(fresh, :one)         | fresh  | {\"N\": \"1\"}",
            "SET n = if_not_exists(n, :one)                 | n      | {\"N\": \"10\"}",
            "SET c = if_not_exists(c, :one) + :one          | c      | {\"N\": \"2\"}",
            "SET l = list_append(l, :list)                  | l      | {\"L\": [{\"S\": \"a\"}, {\"S\": \"b\"}, {\"S\": \"c\"}, {\"S\": \"d\"}]}",
            "SET l = list_append(:list, l)                  | l      | {\"L\": [{\"S\": \"d\"}, {\"S\": \"a\"}, {\"S\": \"b\"}, {\"S\": \"c\"}]}",
            "SET q = list_append(if_not_exists(q, :empty), :list) | q | {\"L\": [{\"S\": \"d\"}]}",
            "SET l[1] = :s                                  | l      | {\"L\": [{\"S\": \"a\"}, {\"S\": \"new\"}, {\"S\": \"c\"}]}",
            "SET l[9] = :s                                  | l      | {\"L\": [{\"S\": \"a\"}, {\"S\": \"b\"}, {\"S\": \"c\"}, {\"S\": \"new\"}]}",
            "SET m.nest.x = m.nest.x + :one               | m      | {\"M\": {\"k\": {\"S\": \"v\"}, \"nest\": {\"M\": {\"x\": {\"N\": \"2\"}}}}}",
            "SET m.added = :s                               | m      | {\"M\": {\"k\": {\"S\": \"v\"}, \"nest\": {\"M\": {\"x\": {\"N\": \"1\"}}}, \"added\": {\"S\": \"new\"}}}",
            "REMOVE l[0], l[2]                              | l      | {\"L\": [{\"S\": \"b\"}]}",
            "REMOVE m.nest                                 | m      | {\"M\": {\"k\": {\"S\": \"v\"}}}",
            "ADD n :one                                     | n      | {\"N\": \"11\"}",
            "ADD fresh :one                                 | fresh  | {\"N\": \"1\"}",
            "ADD ss :z                                      | ss     | {\"SS\": [\"x\", \"y\", \"z\"]}",
            "ADD ns :n3                                     | ns     | {\"NS\": [\"1\", \"2\", \"3\"]}",
            "DELETE ss :x                                   | ss     | {\"SS\": [\"y\"]}",
            "set s = :s                                     | s      | {\"S\": \"new\"}",
    })
    void updates_produceTheDocumentedResult(String expression, String attribute, String expected)
            throws AwsServiceException {
        assertThat(apply(expression).get(attribute)).as(expression)
                .isEqualTo(AttributeValueJson.fromJson(JsonMapper.builder().build().readTree(expected)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "REMOVE s, absent         | s",
            "DELETE ss :xy            | ss",
    })
    void removingTheLastOfSomething_removesTheAttribute(String expression, String gone) throws AwsServiceException {
        assertThat(apply(expression)).doesNotContainKey(gone).containsKey("id");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SET n = :one SET s = :s              | The \"SET\" section can only be used once in an update expression",
            "SET n = :one, n = :one               | Two document paths overlap with each other",
            "SET m.k = :s REMOVE m                | Two document paths overlap with each other",
            "SET n = :s + :one                    | Incorrect operand type for operator or function; operator or function: +, operand type: S",
            "SET n = n + :one + :one              | Syntax error; token: \"+\"",
            "SET l = list_append(l, :s)           | Incorrect operand type for operator or function; operator or function: list_append, operand type: S",
            "ADD s :s                             | Incorrect operand type for operator or function; operator: ADD, operand type: STRING",
            "DELETE ss :one                       | Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER",
            "SET n = size(s)                      | Invalid function name; function: size",
            "UPDATE n = :one                      | Syntax error; token: \"UPDATE\"",
            "SET n :one                           | Syntax error; token: \":one\"",
    })
    void invalidUpdateExpressions_areRefusedWhenParsed(String expression, String message) {
        assertThatThrownBy(() -> apply(expression)).isInstanceOf(AwsServiceException.class)
                .hasMessageStartingWith("Invalid UpdateExpression: ").hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SET n = absent + :one          | The provided expression refers to an attribute that does not exist in the item",
            "SET n = s + :one               | An operand in the update expression has an incorrect data type",
            "SET l = list_append(s, :list)  | An operand in the update expression has an incorrect data type",
            "SET absent.child = :s          | The document path provided in the update expression is invalid for update",
            "SET s.child = :s               | The document path provided in the update expression is invalid for update",
            "ADD ss :one                    | An operand in the update expression has an incorrect data type",
            "ADD ns :z                      | An operand in the update expression has an incorrect data type",
    })
    void updatesThatDoNotFitTheItem_areRefusedWhenApplied(String expression, String message) {
        assertThatThrownBy(() -> apply(expression)).isInstanceOf(AwsServiceException.class).hasMessage(message);
    }
}
