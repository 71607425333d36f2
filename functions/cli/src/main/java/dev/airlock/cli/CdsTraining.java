package dev.airlock.cli;

import dev.airlock.cli.command.Commands;
import dev.airlock.cli.http.NetworkFailure;
import dev.airlock.cli.http.Transport;
import dev.airlock.cli.text.Json;
import dev.airlock.cli.text.RequestText;
import tools.jackson.databind.node.ObjectNode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code --cds-training}: what scripts/access runs once with {@code -XX:ArchiveClassesAtExit} on
 * JDK 17, so the class-data sharing archive holds the classes a real run loads: the command tree,
 * JSON in and out, the table, and the HTTP client (against a port nothing listens on). Nothing is
 * written but the archive; no server is needed.
 */
final class CdsTraining {

    private static final String PAGE = "{\"items\":[{\"id\":\"bc8ca931-fec9-4b15-9d5c-1f1d4b0e7a11\",\"user\":\"bob\","
            + "\"roles\":[\"dba\"],\"reason\":\"r\",\"state\":\"PENDING\",\"createdAt\":\"2026-11-07T19:38:00Z\"}],"
            + "\"nextCursor\":null}";

    private CdsTraining() {
    }

    static int run() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        Cli cli = new Cli(new Console(nowhere, nowhere, false), new Environment(Map.of(), Path.of(".")), Clock.systemUTC());
        for (List<String> args : List.of(List.of("--help"), List.of("request", "ls", "--help"),
                List.of("--user", "x", "frobnicate"), List.of("login", "--bogus"))) {
            AccessMain.run(args.toArray(String[]::new), cli);
        }
        Commands.tree(cli).parseArgs("request", "show", "abcd", "--json");
        ObjectNode page = Json.parseObject(PAGE).orElseThrow();
        List<ObjectNode> items = List.of((ObjectNode) page.get("items").get(0));
        RequestText.table(items);
        RequestText.show(items.get(0));
        Json.pretty(page);
        try {
            new Transport(false).send("GET", URI.create("http://127.0.0.1:9/requests"), "{}", Map.of("Authorization", "Bearer x"));
        } catch (NetworkFailure expected) {
            // the point was loading the client's classes
        }
        return Exit.OK;
    }
}
