package dev.airlock.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's sources keep the rules that make it safe by construction (docs/CONSOLE.md): no API
 * that parses text as HTML or code, no storage but the one sessionStorage key for the PKCE round trip,
 * no inline script or style and nothing from another origin in the page.
 */
class ConsoleSourcesTest {

    /** The module's tests run in localstack/runner; the console lives in functions/console. */
    private static final Path CONSOLE = Path.of("..", "..", "functions", "console");

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(CONSOLE.resolve("assets"))) {
            return files.filter(p -> p.toString().endsWith(".js")).sorted().toList();
        }
    }

    @Test
    void noScriptParsesDataAsHtmlOrCode() throws IOException {
        assertThat(scripts()).isNotEmpty();
        for (Path script : scripts()) {
            assertThat(Files.readString(script)).as(script.toString())
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                            "new Function", "setTimeout('", "localStorage.", "document.cookie");
        }
    }

    @Test
    void onlyTheSignInRoundTripUsesSessionStorage() throws IOException {
        for (Path script : scripts()) {
            String text = Files.readString(script);
            if (script.getFileName().toString().equals("auth.js")) {
                assertThat(text.split("sessionStorage\\.", -1)).hasSize(4); // set, get, remove of PENDING_KEY
                assertThat(text).contains("sessionStorage.setItem(PENDING_KEY", "sessionStorage.getItem(PENDING_KEY",
                        "sessionStorage.removeItem(PENDING_KEY");
            } else {
                assertThat(text).as(script.toString()).doesNotContain("sessionStorage.");
            }
        }
    }

    @Test
    void thePageHasNoInlineScriptOrStyleAndNoOtherOrigin() throws IOException {
        String page = Files.readString(CONSOLE.resolve("index.html"));
        assertThat(page).doesNotContain("<script>", "<style", " style=").doesNotContain("http:", "https:")
                .doesNotContainPattern("\\son[a-z]+\\s*=");
    }
}
