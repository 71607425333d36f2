package dev.airlock.endpoints.dynamodb.expr;

import dev.airlock.endpoints.AwsServiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits an expression into {@link Token}s; anything else is DynamoDB's "Invalid character" error. */
final class Tokenizer {

    private static final Set<String> TWO_CHAR_SYMBOLS = Set.of("<>", "<=", ">=");
    private static final String ONE_CHAR_SYMBOLS = "()[],.=<>+-";

    private Tokenizer() {
    }

    static List<Token> tokenize(String expression, String label) throws AwsServiceException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || c == ':') {
                int end = scanWord(expression, i + 1);
                if (end == i + 1) {
                    throw invalidCharacter(expression, label, i);
                }
                tokens.add(new Token(c == '#' ? Token.Kind.NAME_PLACEHOLDER : Token.Kind.VALUE_PLACEHOLDER,
                        expression.substring(i, end), i));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < expression.length() && Character.isDigit(expression.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, expression.substring(i, end), i));
                i = end;
            } else if (isWordStart(c)) {
                int end = scanWord(expression, i);
                tokens.add(new Token(Token.Kind.IDENTIFIER, expression.substring(i, end), i));
                i = end;
            } else if (i + 1 < expression.length() && TWO_CHAR_SYMBOLS.contains(expression.substring(i, i + 2))) {
                tokens.add(new Token(Token.Kind.SYMBOL, expression.substring(i, i + 2), i));
                i += 2;
            } else if (ONE_CHAR_SYMBOLS.indexOf(c) >= 0) {
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), i));
                i++;
            } else {
                throw invalidCharacter(expression, label, i);
            }
        }
        tokens.add(new Token(Token.Kind.END, "", expression.length()));
        return tokens;
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static int scanWord(String expression, int from) {
        int end = from;
        while (end < expression.length()) {
            char c = expression.charAt(end);
            if (!(isWordStart(c) || Character.isDigit(c))) {
                break;
            }
            end++;
        }
        return end;
    }

    private static AwsServiceException invalidCharacter(String expression, String label, int at) {
        int from = Math.max(0, at - 3);
        int to = Math.min(expression.length(), at + 3);
        return AwsServiceException.validation("Invalid " + label + ": Invalid character encountered in expression; "
                + "character: \"" + expression.charAt(at) + "\", near: \"" + expression.substring(from, to) + "\"");
    }
}
