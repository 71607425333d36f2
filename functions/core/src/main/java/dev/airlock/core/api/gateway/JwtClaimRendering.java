package dev.airlock.core.api.gateway;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders verified JWT claims the way API Gateway's JWT authorizer puts them into
 * {@code requestContext.authorizer.jwt.claims}: every value a string; numbers in plain notation
 * ({@code "1700000000"}); arrays space-separated in brackets ({@code "[contractors dba-team]"});
 * objects as {@code "map[key:value …]"}. The functions must cope with exactly this form.
 */
public final class JwtClaimRendering {

    private JwtClaimRendering() {
    }

    /** Every claim rendered as a string (null-valued claims are left out). */
    public static Map<String, String> render(Map<String, Object> claims) {
        Map<String, String> rendered = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (value != null) {
                rendered.put(name, value(value));
            }
        });
        return rendered;
    }

    /** The token's scopes: the space-separated {@code scope} claim, or the {@code scp} array. */
    public static List<String> scopes(Map<String, Object> claims) {
        Object scope = claims.get("scope");
        if (scope instanceof String text && !text.isBlank()) {
            return Arrays.stream(text.trim().split("\\s+")).toList();
        }
        Object scp = claims.get("scp");
        if (scp instanceof Collection<?> list) {
            List<String> scopes = new ArrayList<>();
            list.forEach(item -> scopes.add(String.valueOf(item)));
            return List.copyOf(scopes);
        }
        return List.of();
    }

    static String value(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(JwtClaimRendering::value).collect(Collectors.joining(" ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ":" + value(e.getValue()))
                    .collect(Collectors.joining(" ", "map[", "]"));
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof java.util.Date date) {
            return Long.toString(date.getTime() / 1000);
        }
        return String.valueOf(value);
    }
}
