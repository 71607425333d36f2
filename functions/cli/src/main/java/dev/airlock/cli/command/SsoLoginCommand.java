package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.Exit;
import dev.airlock.cli.sso.Session;
import dev.airlock.cli.sso.SignIn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code access sso login [--headless]}: signs in with the deployment's identity provider now. */
@Command(name = "login")
public final class SsoLoginCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    @Option(names = "--headless", description = "sign in on another device (device authorization grant)")
    boolean headless;

    public SsoLoginCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Session session = new SignIn(cli).signIn(headless);
        cli.console().say("Signed in to " + session.url() + " as " + session.user() + ".");
        return Exit.OK;
    }
}
