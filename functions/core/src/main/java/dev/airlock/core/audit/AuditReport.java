package dev.airlock.core.audit;

import java.util.List;

/**
 * What the {@link AuditVerifier} found.
 *
 * @param chains  chains checked
 * @param records records checked
 * @param breaks  every break, ordered by chain and seq
 */
public record AuditReport(int chains, long records, List<AuditBreak> breaks) {

    public AuditReport {
        breaks = List.copyOf(breaks);
    }

    /** Whether every chain is intact. */
    public boolean intact() {
        return breaks.isEmpty();
    }

    /** The summary line: {@code OK: ...} or {@code FAILED: ...}. */
    public String summary() {
        return (intact() ? "OK" : "FAILED") + ": " + chains + " chains, " + records + " records, "
                + breaks.size() + (breaks.size() == 1 ? " break" : " breaks");
    }
}
