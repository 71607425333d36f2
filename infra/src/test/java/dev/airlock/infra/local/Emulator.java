package dev.airlock.infra.local;

import java.util.Map;
import java.util.Optional;

/**
 * The emulators the container test can deploy into, with the images pinned in
 * {@code localstack/docker-compose.yml}. Keep the two in step.
 */
enum Emulator {
    LOCALSTACK("localstack/localstack:2026.08.3"),
    FLOCI("floci/floci:1.7.0");

    static final String SELECTOR = "AIRLOCK_EMULATOR";
    static final String LOCALSTACK_TOKEN = "LOCALSTACK_AUTH_TOKEN";

    final String image;

    Emulator(String image) {
        this.image = image;
    }

    /**
     * {@code AIRLOCK_EMULATOR=localstack|floci} picks one; otherwise LocalStack when an auth
     * token is available (its current images do not start without one), else Floci.
     */
    static Emulator choose(Map<String, String> env) {
        String chosen = env.get(SELECTOR);
        if (chosen != null && !chosen.isBlank()) {
            return valueOf(chosen.trim().toUpperCase(java.util.Locale.ROOT));
        }
        return token(env).isPresent() ? LOCALSTACK : FLOCI;
    }

    static Optional<String> token(Map<String, String> env) {
        return Optional.ofNullable(env.get(LOCALSTACK_TOKEN)).filter(t -> !t.isBlank());
    }
}
