/**
 * The sealed family of Airlock failures. Each exception fixes an {@link dev.airlock.domain.error.ErrorKind}
 * (HTTP status, CLI exit code) and carries a stable snake_case code; adapters map them once to
 * RFC 9457 problem+json and once to exit codes.
 */
package dev.airlock.domain.error;
