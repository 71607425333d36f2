package dev.airlock.core.audit;

import dev.airlock.core.audit.AuditBreak.Kind;
import dev.airlock.domain.request.AuditHead;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Walks one chain in sequence order and reports the breaks inside it: unreadable items, content that
 * does not match its hash, records found at the wrong position, gaps, and links that do not hold.
 */
final class ChainWalk {

    /** Bounds the search for a moved record's true position (only broken records are searched). */
    static final int MAX_POSITION_SEARCH = 100_000;

    private final String chain;
    private final List<StoredRecord> records;
    private final List<AuditBreak> breaks = new ArrayList<>();

    ChainWalk(String chain, List<StoredRecord> records) {
        this.chain = chain;
        this.records = records.stream().sorted(Comparator.comparingLong(StoredRecord::seq)).toList();
    }

    /** The breaks inside the chain. */
    List<AuditBreak> walk() {
        long expected = 1;
        StoredRecord previous = null;
        boolean previousUsable = false;
        for (StoredRecord stored : records) {
            if (stored.seq() > expected) {
                breaks.add(gap(expected, stored.seq() - 1));
            }
            boolean adjacent = previous != null && previous.seq() == stored.seq() - 1;
            previousUsable = check(stored, adjacent && previousUsable ? previous.record() : Optional.empty());
            previous = stored;
            expected = stored.seq() + 1;
        }
        return breaks;
    }

    /** The last sequence number present, if any. */
    OptionalLong lastSeq() {
        return records.isEmpty() ? OptionalLong.empty() : OptionalLong.of(records.get(records.size() - 1).seq());
    }

    /** The record at {@code seq}, if present and readable. */
    Optional<AuditRecord> at(long seq) {
        return records.stream().filter(r -> r.seq() == seq).findFirst().flatMap(StoredRecord::record);
    }

    /**
     * Checks one record; {@code previous} is its readable, trustworthy predecessor when there is one.
     *
     * @return whether its stored hash can anchor the next record's link check
     */
    private boolean check(StoredRecord stored, Optional<AuditRecord> previous) {
        if (stored.record().isEmpty()) {
            breaks.add(new AuditBreak(chain, stored.seq(), Kind.MALFORMED, stored.problem().orElse("unreadable")));
            return false;
        }
        AuditRecord record = stored.record().get();
        if (!record.hashMatches()) {
            OptionalLong home = truePosition(record);
            if (home.isPresent()) {
                breaks.add(new AuditBreak(chain, record.seq(), Kind.REORDERED,
                        "holds the intact record of seq " + home.getAsLong()));
                return false;
            }
            breaks.add(new AuditBreak(chain, record.seq(), Kind.MODIFIED, "content does not match its hash"));
            return true; // its stored hash is still the original one, so the next link can be checked
        }
        if (record.seq() == 1 && !record.prevHash().equals(AuditHead.GENESIS.hash())) {
            breaks.add(new AuditBreak(chain, 1, Kind.LINK_BROKEN, "the first record does not start from genesis"));
        } else if (previous.isPresent() && !record.prevHash().equals(previous.get().hash())) {
            breaks.add(new AuditBreak(chain, record.seq(), Kind.LINK_BROKEN,
                    "prevHash is not the hash of record " + (record.seq() - 1)
                            + " (that record was replaced, or this one was forged)"));
        }
        return true;
    }

    /** The sequence number at which this record's content and hash do match, if any. */
    private OptionalLong truePosition(AuditRecord record) {
        long last = Math.min(Math.max(lastSeq().orElse(0), record.seq()) + 1, MAX_POSITION_SEARCH);
        for (long seq = 1; seq <= last; seq++) {
            if (seq != record.seq() && moved(record, seq).hashMatches()) {
                return OptionalLong.of(seq);
            }
        }
        return OptionalLong.empty();
    }

    private static AuditRecord moved(AuditRecord r, long seq) {
        return new AuditRecord(r.chain(), seq, r.at(), r.actor(), r.action(), r.details(), r.prevHash(), r.hash());
    }

    private AuditBreak gap(long first, long last) {
        String detail = first == last ? "record " + first + " is missing" : "records " + first + "-" + last + " are missing";
        return new AuditBreak(chain, first, Kind.DELETED, detail);
    }
}
