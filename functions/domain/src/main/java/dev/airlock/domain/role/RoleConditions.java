package dev.airlock.domain.role;

import java.util.List;
import java.util.Objects;

/**
 * One side ({@code allow} or {@code deny}) of a role's {@code spec}.
 *
 * @param logins         SSH principals granted (allow) or withheld (deny)
 * @param request        which roles may (not) be requested
 * @param reviewRequests requests for which roles may (not) be reviewed
 */
public record RoleConditions(List<String> logins, RequestConditions request, ReviewConditions reviewRequests) {

    /** Grants or denies nothing. */
    public static final RoleConditions NONE =
            new RoleConditions(List.of(), RequestConditions.NONE, ReviewConditions.NONE);

    public RoleConditions {
        logins = List.copyOf(Objects.requireNonNull(logins, "logins"));
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reviewRequests, "reviewRequests");
    }
}
