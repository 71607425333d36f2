package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.Exit;
import dev.airlock.cli.sso.SessionStore;
import dev.airlock.cli.sso.SignIn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/**
 * {@code access logout}: forgets the signed-in session for the Airlock URL (its cached tokens). The
 * provider's own browser session, and SSH certificates already written, are not touched.
 */
@Command(name = "logout")
public final class LogoutCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    public LogoutCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        SessionStore store = SignIn.store(cli);
        String who = store.read().map(session -> " " + session.user()).orElse("");
        if (store.delete()) {
            cli.console().say("Signed out" + who + " from " + cli.apiUrl() + ".");
        } else {
            cli.console().say("Not signed in to " + cli.apiUrl() + ".");
        }
        return Exit.OK;
    }
}
