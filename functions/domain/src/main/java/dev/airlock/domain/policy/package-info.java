/**
 * The rules, one small class each, all taking an injected {@link java.time.Clock}: who may request
 * ({@link dev.airlock.domain.policy.RequestPolicy}), who may review
 * ({@link dev.airlock.domain.policy.ReviewPolicy}), who may revoke
 * ({@link dev.airlock.domain.policy.RevocationPolicy}), the time windows
 * ({@link dev.airlock.domain.policy.AccessWindowPolicy}) and what a certificate may say
 * ({@link dev.airlock.domain.policy.CertificatePolicy}).
 */
package dev.airlock.domain.policy;
