package dev.airlock.endpoints.dynamodb.expr;

/** One lexical token of a DynamoDB expression. */
record Token(Kind kind, String text, int position) {

    enum Kind {
        /** An attribute name or a keyword/function name, e.g. {@code a}, {@code AND}, {@code size}. */
        IDENTIFIER,
        /** {@code #name}: an expression attribute name. */
        NAME_PLACEHOLDER,
        /** {@code :value}: an expression attribute value. */
        VALUE_PLACEHOLDER,
        /** Digits, only valid as a list index. */
        NUMBER,
        /** One of {@code ( ) [ ] , . = <> < <= > >= + -}. */
        SYMBOL,
        END
    }

    boolean is(String symbolOrKeyword) {
        return (kind == Kind.SYMBOL && text.equals(symbolOrKeyword))
                || (kind == Kind.IDENTIFIER && text.equalsIgnoreCase(symbolOrKeyword));
    }

    @Override
    public String toString() {
        return kind == Kind.END ? "<EOF>" : text;
    }
}
