package dev.airlock.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Each command's help, written by hand (resources dev/airlock/cli/help/, one file per command, named
 * by its path: {@code access-request-ls.txt}), so it reads like the rest of docs/CLI.md rather than
 * a generated option list.
 */
public final class HelpText {

    private HelpText() {
    }

    public static String of(CommandLine command) {
        String name = command.getCommandSpec().qualifiedName("-");
        try (InputStream in = HelpText.class.getResourceAsStream("help/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("no help text for " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
