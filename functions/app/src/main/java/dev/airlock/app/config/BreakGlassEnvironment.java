package dev.airlock.app.config;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.core.port.BreakGlassQuota;
import dev.airlock.core.usecase.BreakGlassSettings;
import dev.airlock.domain.role.GoDuration;
import java.time.Duration;
import java.util.Optional;

/** Reads the break-glass settings ({@link EnvironmentNames#BREAK_GLASS_LIMIT} and friends); defaults: 3 per 24 h, review within 24 h. */
final class BreakGlassEnvironment {

    /** Longest window or deadline accepted: a month; longer is surely a typo. */
    static final Duration MAX = Duration.ofDays(31);

    private BreakGlassEnvironment() {
    }

    static BreakGlassSettings parse(Environment env) {
        BreakGlassSettings d = BreakGlassSettings.DEFAULTS;
        int limit = limit(env).orElse(d.quota().limit());
        Duration window = duration(env, EnvironmentNames.BREAK_GLASS_WINDOW).orElse(d.quota().window());
        Duration deadline = duration(env, EnvironmentNames.POST_REVIEW_DEADLINE).orElse(d.postReviewDeadline());
        return new BreakGlassSettings(new BreakGlassQuota(limit, window), deadline);
    }

    private static Optional<Integer> limit(Environment env) {
        Optional<String> text = env.get(EnvironmentNames.BREAK_GLASS_LIMIT);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int limit = Integer.parseInt(text.get());
            if (limit >= 1 && limit <= 1000) {
                return Optional.of(limit);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigException(EnvironmentNames.BREAK_GLASS_LIMIT, "must be a whole number from 1 to 1000");
    }

    private static Optional<Duration> duration(Environment env, String name) {
        Optional<String> text = env.get(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Duration d;
        try {
            d = GoDuration.parse(text.get());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(name, "must be a duration such as 24h or 90m");
        }
        if (d.isZero() || d.compareTo(MAX) > 0) {
            throw new InvalidConfigException(name, "must be positive and at most " + GoDuration.format(MAX));
        }
        return Optional.of(d);
    }
}
