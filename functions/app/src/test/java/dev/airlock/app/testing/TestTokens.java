package dev.airlock.app.testing;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.identity.testing.TestIssuer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TEST ONLY: real bearer tokens for the fixtures, signed by the run-time {@link TestIssuer} (a fresh
 * RSA key per test JVM, its JWK set served on 127.0.0.1), and the configuration that trusts it.
 */
public final class TestTokens {

    private TestTokens() {
    }

    /** The {@link AirlockConfig} variables that make the functions trust the test issuer. */
    public static Map<String, String> environment() {
        TestIssuer issuer = TestIssuer.shared();
        Map<String, String> env = new HashMap<>();
        env.put(EnvironmentNames.JWT_ISSUER, issuer.issuer());
        env.put(EnvironmentNames.JWT_AUDIENCE, TestIssuer.AUDIENCE);
        env.put(EnvironmentNames.JWKS_URL, issuer.jwksUrl());
        return env;
    }

    /** {@link #environment()} plus {@code more}. */
    public static Map<String, String> environment(Map<String, String> more) {
        Map<String, String> env = environment();
        env.putAll(more);
        return env;
    }

    /** A token for {@code user} in {@code groups}, valid until {@link TestIssuer#FAR_FUTURE}. */
    public static String token(String user, List<String> groups) {
        return TestIssuer.shared().token(user, groups);
    }

    /**
     * The groups of a fixture's rendered claim: API Gateway's {@code "[a b]"} or JSON {@code ["a","b"]}.
     * Only for building tokens from the fixtures' own values, which hold no spaces in a name.
     */
    static List<String> fixtureGroups(String rendered) {
        String inner = rendered.trim();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.replace("\"", " ").replace(",", " ").trim().split("\\s+"))
                .filter(g -> !g.isEmpty()).toList();
    }
}
