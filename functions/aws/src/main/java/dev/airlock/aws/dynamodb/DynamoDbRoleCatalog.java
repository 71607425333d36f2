package dev.airlock.aws.dynamodb;

import dev.airlock.core.port.RoleFileStore;
import dev.airlock.core.port.RoleFile;

import dev.airlock.core.port.RoleCatalog;
import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.role.RoleConfig;
import dev.airlock.domain.role.RoleFileParser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link RoleCatalog} over {@link RoleConfigStore}, cached for a short time so a busy function reads
 * the item at most once per {@code ttl} and an applied change reaches every function within it. The
 * parsed configuration is reused while the stored SHA-256 is unchanged.
 */
public final class DynamoDbRoleCatalog implements RoleCatalog {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

    private record Cached(RoleConfig config, String sha256, Instant loadedAt) {
    }

    private final RoleFileStore store;
    private final Clock clock;
    private final Duration ttl;
    private volatile Cached cached;

    public DynamoDbRoleCatalog(RoleFileStore store, Clock clock) {
        this(store, clock, DEFAULT_TTL);
    }

    public DynamoDbRoleCatalog(RoleFileStore store, Clock clock, Duration ttl) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
    }

    /**
     * @throws InternalException code {@code roles_not_configured} before the first apply,
     *                           {@code roles_corrupt} when the stored text does not match its hash or parse
     */
    @Override
    public RoleConfig current() {
        Cached snapshot = cached;
        Instant now = clock.instant();
        if (snapshot != null && now.isBefore(snapshot.loadedAt().plus(ttl))) {
            return snapshot.config();
        }
        return refresh(now);
    }

    private synchronized RoleConfig refresh(Instant now) {
        Cached snapshot = cached;
        if (snapshot != null && now.isBefore(snapshot.loadedAt().plus(ttl))) {
            return snapshot.config(); // another thread refreshed while this one waited
        }
        RoleFileStore.StoredRoles stored = store.load().orElseThrow(() -> new InternalException(
                "roles_not_configured", "no role configuration has been applied"));
        RoleConfig config = snapshot != null && snapshot.sha256().equals(stored.sha256())
                ? snapshot.config() : parse(stored);
        cached = new Cached(config, stored.sha256(), now);
        return config;
    }

    private static RoleConfig parse(RoleFileStore.StoredRoles stored) {
        if (!RoleFile.sha256(stored.yaml()).equals(stored.sha256())) {
            throw new InternalException("roles_corrupt", "the stored role configuration does not match its SHA-256");
        }
        try {
            return RoleFileParser.parse(stored.yaml(), "stored role configuration");
        } catch (InvalidRequestException e) {
            throw new InternalException("roles_corrupt", "the stored role configuration does not parse", e);
        }
    }
}
