package dev.airlock.core.notify;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named receiver of notifications. It holds only the names of its secrets (the URL and, for a webhook,
 * the HMAC key): the values live in Secrets Manager (or the local secrets file), never in the routing
 * file or its audit record.
 *
 * @param name          the target's name in the routing file
 * @param kind          how it is called
 * @param urlSecret     the secret holding its URL
 * @param signingSecret the secret holding a webhook's HMAC key (empty for Slack)
 */
public record NotificationTarget(String name, Kind kind, String urlSecret, Optional<String> signingSecret) {

    /** Names of targets and secrets: short, no spaces, nothing that could be a URL or a value by mistake. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** How a target is called. */
    public enum Kind {
        /** A JSON POST signed with {@code Airlock-Signature} (docs/NOTIFICATIONS.md). */
        WEBHOOK,
        /** A Slack incoming webhook (Block Kit message). */
        SLACK;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public NotificationTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(urlSecret, "urlSecret");
        Objects.requireNonNull(signingSecret, "signingSecret");
        if ((kind == Kind.WEBHOOK) != signingSecret.isPresent()) {
            throw new IllegalArgumentException("a webhook target has a signing secret, a Slack target none");
        }
    }
}
