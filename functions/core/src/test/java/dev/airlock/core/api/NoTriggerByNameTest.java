package dev.airlock.core.api;

import dev.airlock.core.SourceScan;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No layer decides what triggers a function by its name: each maps the {@link Trigger.Kind} of its
 * {@link Catalogue} entry. The only place a name may select something is the app's
 * {@code FunctionFactory}, which maps a name to its use case and adapter (the one entry a new
 * function adds there).
 */
class NoTriggerByNameTest {

    private static final String NAMES = "(?:Routes\\.[A-Z_]+|\"(?:request|list|approve|sign|expire)\")";
    private static final Pattern NAME_CHECK = Pattern.compile(NAMES + "\\s*\\.equals(?:IgnoreCase)?\\("
            + "|\\.equals(?:IgnoreCase)?\\(\\s*" + NAMES + "\\s*\\)|case\\s+" + NAMES + "\\b");

    @Test
    void noMainSourceComparesAFunctionName() {
        assertThat(SourceScan.find(NAME_CHECK,
                Set.of("functions/app/src/main/java/dev/airlock/app/wiring/FunctionFactory.java"))).isEmpty();
    }

    @Test
    void thePatternSeesTheOldNameChecks() {
        assertThat(NAME_CHECK.matcher("if (Routes.EXPIRE.equals(name)) {").find()).isTrue();
        assertThat(NAME_CHECK.matcher("case Routes.EXPIRE -> x;").find()).isTrue();
        assertThat(NAME_CHECK.matcher("name.equals(\"expire\")").find()).isTrue();
        assertThat(NAME_CHECK.matcher("switch (Catalogue.of(name).kind()) {").find()).isFalse();
    }
}
