package dev.airlock.cli.auth;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Environment;
import dev.airlock.cli.Exit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code AIRLOCK_TOKEN_COMMAND}: a command printing a token on its first line, run with {@code sh -c}
 * for each use (like kubectl's exec credentials).
 */
record CommandToken(String command) implements TokenSource {

    @Override
    public String token() {
        try {
            Process process = new ProcessBuilder("sh", "-c", command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = process.waitFor();
            if (code != 0) {
                throw new CliException(Exit.DENIED, Environment.TOKEN_COMMAND + " failed with exit code " + code + ": "
                        + err.lines().findFirst().orElse(""));
            }
            return out.lines().findFirst().orElse("").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new CliException(Exit.DENIED, Environment.TOKEN_COMMAND + " could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Exit.DENIED, Environment.TOKEN_COMMAND + " was interrupted");
        }
    }

    @Override
    public boolean renewable() {
        return true;
    }

    @Override
    public String origin() {
        return Environment.TOKEN_COMMAND;
    }
}
