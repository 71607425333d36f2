package dev.airlock.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses how revoked serials are written in a KRL certificates section ({@code PROTOCOL.krl} §2):
 * as a list ({@code KRL_SECTION_CERT_SERIAL_LIST}, 8 bytes a serial), a range
 * ({@code KRL_SECTION_CERT_SERIAL_RANGE}, 16 bytes however long) or a bitmap
 * ({@code KRL_SECTION_CERT_SERIAL_BITMAP}, one bit a serial from an offset). Walking the runs of
 * consecutive serials in ascending order, each run goes to whichever section type costs the fewest
 * bytes given the section already open, the gap since the last run and the gap to the next one.
 * This is the bit-cost model OpenSSH's {@code ssh-keygen -k} uses, so for the same serials both
 * write the same bytes, which the known-answer tests check.
 */
final class KrlSerialPlanner {

    static final int LIST = 0x20;
    static final int RANGE = 0x21;
    static final int BITMAP = 0x22;
    private static final int NONE = 0;

    /** Caps the estimates as OpenSSH does, so no cost can overflow. */
    private static final long CAP = 1L << 31;
    /** A section header: one type byte and a uint64 (length word plus first field, as OpenSSH counts it). */
    private static final long NEW_SECTION_BITS = 8 + 64;

    /** One section to write: its type and the runs it holds, in order. */
    record Section(int type, List<KrlSerialRuns.Run> runs) {
    }

    private KrlSerialPlanner() {
    }

    static List<Section> plan(List<KrlSerialRuns.Run> runs) {
        List<Section> sections = new ArrayList<>();
        int state = NONE;
        List<KrlSerialRuns.Run> open = null;
        long lastHi = 0;
        for (int i = 0; i < runs.size(); i++) {
            KrlSerialRuns.Run run = runs.get(i);
            boolean last = i == runs.size() - 1;
            long gapAfter = last ? 0 : runs.get(i + 1).lo() - run.hi();
            long gapBefore = state == NONE ? 0 : run.lo() - lastHi;
            Choice choice = choose(state, run.length(), last, gapBefore, gapAfter);
            boolean closeOpen = state != NONE && (choice.restart() || choice.type() != state || state == RANGE);
            if (closeOpen) {
                sections.add(new Section(state, List.copyOf(open)));
            }
            if (closeOpen || state == NONE) {
                open = new ArrayList<>();
                state = choice.type();
            }
            open.add(run);
            lastHi = run.hi();
        }
        if (state != NONE) {
            sections.add(new Section(state, List.copyOf(open)));
        }
        return sections;
    }

    private record Choice(int type, boolean restart) {
    }

    /** Bytes each candidate would add for this run; ties keep the earlier candidate (bitmap, range, list). */
    private static Choice choose(int state, long runLength, boolean last, long gapBefore, long gapAfter) {
        long contig = capped(runLength);
        long before = capped(gapBefore);
        long after = last ? 0 : Math.min(capped(gapAfter), NEW_SECTION_BITS);
        long nextSection = last ? 0 : NEW_SECTION_BITS;
        long list = (state == LIST ? 0 : 8) + 64 * contig + nextSection;
        long range = 8 + 2 * 64 + nextSection;
        long bitmap = (state == BITMAP ? 0 : NEW_SECTION_BITS) + before + contig + after;
        long bitmapRestart = NEW_SECTION_BITS + contig + after;
        Choice best = new Choice(BITMAP, false);
        long cost = bytes(bitmap);
        if (bytes(range) < cost) {
            best = new Choice(RANGE, false);
            cost = bytes(range);
        }
        if (bytes(list) < cost) {
            best = new Choice(LIST, false);
            cost = bytes(list);
        }
        if (bytes(bitmapRestart) < cost) {
            best = new Choice(BITMAP, true);
        }
        return best;
    }

    private static long capped(long unsigned) {
        return Long.compareUnsigned(unsigned, CAP) > 0 ? CAP : unsigned;
    }

    private static long bytes(long bits) {
        return (bits + 7) / 8;
    }
}
