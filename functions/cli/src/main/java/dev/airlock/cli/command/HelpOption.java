package dev.airlock.cli.command;

import picocli.CommandLine.Option;

/** {@code -h/--help} on every command (its text: {@link dev.airlock.cli.HelpText}). */
public final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;
}
