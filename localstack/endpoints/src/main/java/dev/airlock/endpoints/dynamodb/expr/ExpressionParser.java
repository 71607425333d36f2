package dev.airlock.endpoints.dynamodb.expr;

import dev.airlock.endpoints.AwsServiceException;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts every expression grammar shares: a token cursor, document paths, value placeholders
 * and DynamoDB's error messages. Subclasses are recursive-descent parsers for one grammar.
 */
abstract class ExpressionParser {

    protected final String label;
    protected final ExpressionContext context;
    private final List<Token> tokens;
    private int position;

    ExpressionParser(String expression, String label, ExpressionContext context) throws AwsServiceException {
        this.label = label;
        this.context = context;
        context.checkExpression(expression, label);
        this.tokens = Tokenizer.tokenize(expression, label);
    }

    protected Token peek() {
        return tokens.get(position);
    }

    protected Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    protected Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Token.Kind.END) {
            position++;
        }
        return token;
    }

    protected boolean accept(String symbolOrKeyword) {
        if (peek().is(symbolOrKeyword)) {
            next();
            return true;
        }
        return false;
    }

    protected void expect(String symbolOrKeyword) throws AwsServiceException {
        if (!accept(symbolOrKeyword)) {
            throw syntaxError(peek());
        }
    }

    protected void expectEnd() throws AwsServiceException {
        if (peek().kind() != Token.Kind.END) {
            throw syntaxError(peek());
        }
    }

    protected boolean atFunctionCall() {
        return peek().kind() == Token.Kind.IDENTIFIER && peek(1).is("(");
    }

    /** {@code name ( ('.' name) | ('[' digits ']') )*}, with {@code #placeholders} resolved. */
    protected DocumentPath parsePath() throws AwsServiceException {
        List<Object> elements = new ArrayList<>();
        elements.add(attributeName(next()));
        while (true) {
            if (accept(".")) {
                elements.add(attributeName(next()));
            } else if (peek().is("[")) {
                next();
                Token index = next();
                if (index.kind() != Token.Kind.NUMBER) {
                    throw syntaxError(index);
                }
                try {
                    elements.add(Integer.parseInt(index.text()));
                } catch (NumberFormatException e) {
                    throw syntaxError(index);
                }
                expect("]");
            } else {
                return new DocumentPath(elements);
            }
        }
    }

    private String attributeName(Token token) throws AwsServiceException {
        if (token.kind() == Token.Kind.NAME_PLACEHOLDER) {
            return context.name(token.text(), label);
        }
        if (token.kind() != Token.Kind.IDENTIFIER) {
            throw syntaxError(token);
        }
        if (ReservedWords.isReserved(token.text())) {
            throw AwsServiceException.validation("Invalid " + label
                    + ": Attribute name is a reserved keyword; reserved keyword: " + token.text());
        }
        return token.text();
    }

    protected Operand.Value parseValue() throws AwsServiceException {
        Token token = next();
        if (token.kind() != Token.Kind.VALUE_PLACEHOLDER) {
            throw syntaxError(token);
        }
        return new Operand.Value(token.text(), context.value(token.text(), label));
    }

    protected AwsServiceException syntaxError(Token token) {
        int index = tokens.indexOf(token);
        StringBuilder near = new StringBuilder();
        for (int i = Math.max(0, index - 1); i <= Math.min(tokens.size() - 1, index + 1); i++) {
            if (tokens.get(i).kind() != Token.Kind.END) {
                near.append(near.length() == 0 ? "" : " ").append(tokens.get(i).text());
            }
        }
        return AwsServiceException.validation("Invalid " + label + ": Syntax error; token: \"" + token
                + "\", near: \"" + near + "\"");
    }

    protected AwsServiceException invalid(String detail) {
        return AwsServiceException.validation("Invalid " + label + ": " + detail);
    }

    /** "Two document paths overlap with each other" when one path is a prefix of another. */
    protected void checkNoOverlap(List<DocumentPath> paths) throws AwsServiceException {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (paths.get(i).overlaps(paths.get(j))) {
                    throw invalid("Two document paths overlap with each other; must remove or rewrite one of these "
                            + "paths; path one: " + paths.get(i).describe() + ", path two: " + paths.get(j).describe());
                }
            }
        }
    }
}
