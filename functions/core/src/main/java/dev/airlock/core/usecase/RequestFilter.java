package dev.airlock.core.usecase;

import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.RequestState;

import java.util.Optional;

/**
 * The query parameters of {@code GET /requests}.
 *
 * @param state only requests in this (effective) state
 * @param user  only requests made by this user; 1 to {@value #MAX_USER_LENGTH} characters, not blank
 */
public record RequestFilter(Optional<RequestState> state, Optional<String> user) {

    /** Longest user name accepted as a filter; far above any real one, well below DynamoDB's key limit. */
    public static final int MAX_USER_LENGTH = 256;

    /**
     * @throws InvalidRequestException code {@code invalid_user_filter} for a blank or over-long user
     */
    public RequestFilter {
        state = state == null ? Optional.empty() : state;
        user = user == null ? Optional.empty() : user;
        if (user.isPresent() && (user.get().isBlank() || user.get().length() > MAX_USER_LENGTH)) {
            throw new InvalidRequestException("invalid_user_filter",
                    "the user filter must be 1 to " + MAX_USER_LENGTH + " characters");
        }
    }

    /** No filter: see {@link ListRequests#list} for what that lists. */
    public static RequestFilter none() {
        return new RequestFilter(Optional.empty(), Optional.empty());
    }

    public static RequestFilter byState(RequestState state) {
        return new RequestFilter(Optional.of(state), Optional.empty());
    }

    public static RequestFilter byUser(String user) {
        return new RequestFilter(Optional.empty(), Optional.of(user));
    }
}
