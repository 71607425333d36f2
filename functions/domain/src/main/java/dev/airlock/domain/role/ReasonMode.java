package dev.airlock.domain.role;

/** Whether a request for a role must carry a reason ({@code spec.allow.request.reason.mode}). */
public enum ReasonMode {
    OPTIONAL,
    REQUIRED
}
