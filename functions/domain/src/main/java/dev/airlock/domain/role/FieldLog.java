package dev.airlock.domain.role;

import dev.airlock.domain.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading one document found: the fields Airlock enforces, those it ignores (with why), and the
 * refusals, which are collected rather than thrown so one check reports every refused field at once.
 */
final class FieldLog {

    private final List<String> enforced = new ArrayList<>();
    private final List<RoleFileReport.Ignored> ignored = new ArrayList<>();
    private final List<InvalidRequestException> refusals;

    /** A log for one document; refusals go to the file-wide list. */
    FieldLog(List<InvalidRequestException> refusals) {
        this.refusals = refusals;
    }

    void enforced(String path) {
        enforced.add(path);
    }

    void ignored(String path, String why) {
        ignored.add(new RoleFileReport.Ignored(path, why));
    }

    void refuse(InvalidRequestException refusal) {
        refusals.add(refusal);
    }

    List<String> enforced() {
        return List.copyOf(enforced);
    }

    List<RoleFileReport.Ignored> ignored() {
        return List.copyOf(ignored);
    }
}
