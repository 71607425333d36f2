package dev.airlock.cli.auth;

import dev.airlock.cli.Environment;

/** {@code AIRLOCK_TOKEN}: a token from the identity provider, set by the person. */
record EnvironmentToken(String value) implements TokenSource {

    @Override
    public String token() {
        return value;
    }

    @Override
    public boolean renewable() {
        return false;
    }

    @Override
    public String origin() {
        return Environment.TOKEN;
    }
}
