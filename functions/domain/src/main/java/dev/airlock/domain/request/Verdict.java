package dev.airlock.domain.request;

/** What a reviewer says about an access request. */
public enum Verdict {
    APPROVE,
    DENY
}
