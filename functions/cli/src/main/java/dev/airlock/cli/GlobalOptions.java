package dev.airlock.cli;

import picocli.CommandLine.Option;

import java.util.Optional;

/** The options before the command: who the caller is, where Airlock is, and --json. */
public final class GlobalOptions {

    @Option(names = "--user", paramLabel = "NAME", description = "get a token for NAME from scripts/local-up's development issuer")
    String user;

    @Option(names = "--groups", paramLabel = "G1,G2", description = "groups for that token (default: the demo user's groups)")
    String groups;

    @Option(names = "--url", paramLabel = "URL", description = "Airlock's API")
    String url;

    @Option(names = "--json", description = "JSON output on stdout")
    boolean json;

    public boolean json() {
        return json;
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    public Optional<String> groups() {
        return Optional.ofNullable(groups);
    }

    public Optional<String> url() {
        return Optional.ofNullable(url).filter(value -> !value.isEmpty());
    }

    void validate() {
        if (groups != null && (user == null || user.isEmpty())) {
            throw new UsageError("--groups goes with --user");
        }
        if (user != null && user.isEmpty()) {
            throw new UsageError("--user needs a name");
        }
    }
}
