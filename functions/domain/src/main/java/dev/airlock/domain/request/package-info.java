/**
 * The access request, its state machine and the review resolution it applies. Pure values: every
 * transition returns a new {@link dev.airlock.domain.request.AccessRequest}.
 */
package dev.airlock.domain.request;
