package dev.airlock.core.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict percent-decoding (RFC 3986 section 2.1) of a path segment or query component: a bad escape,
 * or escaped bytes that are not UTF-8, are refused rather than replaced, so no request reaches a
 * function with text the caller did not send.
 */
public final class PercentDecoding {

    private PercentDecoding() {
    }

    /**
     * @param plusAsSpace whether {@code +} means a space (query strings, as form encoding has it)
     * @throws IllegalArgumentException on a bad escape or bytes that are not UTF-8
     */
    public static String decode(String text, boolean plusAsSpace) {
        String source = plusAsSpace ? text.replace('+', ' ') : text;
        if (source.indexOf('%') < 0) {
            return source;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < source.length()) {
            int next = source.indexOf('%', i);
            if (next != i) {
                int end = next < 0 ? source.length() : next;
                bytes.writeBytes(source.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
                continue;
            }
            if (i + 2 >= source.length()) {
                throw new IllegalArgumentException("incomplete percent escape");
            }
            int high = Character.digit(source.charAt(i + 1), 16);
            int low = Character.digit(source.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("bad percent escape");
            }
            bytes.write(high * 16 + low);
            i += 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-encoded bytes that are not UTF-8", e);
        }
    }
}
