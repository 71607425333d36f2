package dev.airlock.domain.role;

/**
 * {@code spec.options.request_access}, Teleport's older per-role request strategy: {@code optional}
 * (the default), {@code reason} (every request by a holder needs a reason) or {@code always} (a holder
 * gets certificates only under an approved request, never for their base roles alone).
 */
public enum RequestAccess {
    OPTIONAL,
    REASON,
    ALWAYS
}
