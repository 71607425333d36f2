package dev.airlock.domain.role;

import java.util.List;
import java.util.Objects;

/** {@code spec.allow.review_requests} / {@code spec.deny.review_requests}: requests for which roles a holder may review. */
public record ReviewConditions(List<String> roles) {

    /** Reviews nothing. */
    public static final ReviewConditions NONE = new ReviewConditions(List.of());

    public ReviewConditions {
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
    }
}
