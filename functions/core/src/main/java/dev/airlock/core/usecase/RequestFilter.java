package dev.airlock.core.usecase;

import dev.airlock.domain.request.RequestState;

import java.util.Optional;

/**
 * The query parameters of {@code GET /requests}.
 *
 * @param state only requests in this (effective) state
 * @param user  only requests made by this user
 */
public record RequestFilter(Optional<RequestState> state, Optional<String> user) {

    public RequestFilter {
        state = state == null ? Optional.empty() : state;
        user = user == null ? Optional.empty() : user;
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
