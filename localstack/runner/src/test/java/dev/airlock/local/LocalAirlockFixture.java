package dev.airlock.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/** TEST ONLY: an in-process local Airlock (in-memory endpoints, fresh issuer key, free port) and its API. */
final class LocalAirlockFixture implements AutoCloseable {

    private final LocalAirlock airlock;
    private final Api api;

    private LocalAirlockFixture(LocalAirlock airlock) {
        this.airlock = airlock;
        this.api = new Api(airlock.url());
    }

    static LocalAirlockFixture start(Clock clock) {
        try {
            return start(clock, DemoConfigTest.builtIn("roles.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** With another role file than the demo's (e.g. the demo's with other thresholds). */
    static LocalAirlockFixture start(Clock clock, String rolesYaml) {
        try {
            LocalAirlock.Settings settings = LocalAirlock.Settings.inMemory(rolesYaml,
                    DemoUsers.parse(DemoConfigTest.builtIn(DemoUsers.FILE_NAME)), clock);
            return new LocalAirlockFixture(LocalAirlock.start(settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LocalAirlock airlock() {
        return airlock;
    }

    Api api() {
        return api;
    }

    TableSnapshot audit() {
        return TableSnapshot.of(airlock.dynamoDb(), airlock.config().auditTable());
    }

    TableSnapshot requests() {
        return TableSnapshot.of(airlock.dynamoDb(), airlock.config().requestsTable());
    }

    @Override
    public void close() {
        airlock.close();
    }
}
