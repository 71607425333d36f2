package dev.airlock.local.oidc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Who signed in on the provider's page, with which groups, and when (OIDC auth_time). */
record SignedIn(String user, List<String> groups, Instant authTime) {

    SignedIn {
        Objects.requireNonNull(user, "user");
        groups = List.copyOf(groups);
        Objects.requireNonNull(authTime, "authTime");
    }
}
