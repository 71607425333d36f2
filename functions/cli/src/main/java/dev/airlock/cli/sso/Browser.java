package dev.airlock.cli.sso;

import dev.airlock.cli.Environment;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Opens a URL in the person's browser: {@code $BROWSER}, else {@code open} on macOS, else
 * {@code xdg-open}. Whether it worked is only known for the launcher's start; the URL is printed
 * anyway, so a person on a machine without a browser can copy it.
 */
final class Browser {

    private Browser() {
    }

    /** Whether a launcher could be started. */
    static boolean open(Environment env, URI url) {
        Optional<String> configured = env.get(Environment.BROWSER);
        List<String> command = configured.map(browser -> List.of(browser, url.toString()))
                .orElse(List.of(System.getProperty("os.name", "").startsWith("Mac") ? "open" : "xdg-open", url.toString()));
        try {
            new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
