package dev.airlock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** picocli's parse errors in the CLI's own words ("unknown option '--bogus'", "--key needs a value"). */
final class ParseErrors {

    private ParseErrors() {
    }

    static String message(CommandLine.ParameterException e) {
        CommandLine where = e.getCommandLine();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            boolean option = arg.startsWith("-");
            if (where.getParent() == null) {
                return (option ? "unknown option '" : "unknown command '") + arg + "'";
            }
            if (!where.getSubcommands().isEmpty() && !option) {
                return "unknown " + where.getCommandName() + " command '" + arg + "'";
            }
            return "unknown argument '" + arg + "'";
        }
        if (e instanceof CommandLine.MissingParameterException missing) {
            for (ArgSpec arg : missing.getMissing()) {
                if (arg instanceof OptionSpec option) {
                    return option.longestName() + " needs a value";
                }
            }
        }
        return e.getMessage();
    }
}
