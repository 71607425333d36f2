/**
 * Rules for text people send that other people will read: {@link dev.airlock.domain.text.FreeText}
 * is the one place that decides which characters a reason may hold.
 */
package dev.airlock.domain.text;
