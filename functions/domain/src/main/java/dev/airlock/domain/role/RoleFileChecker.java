package dev.airlock.domain.role;

import dev.airlock.domain.error.InvalidRequestException;
import java.util.List;

/**
 * {@code roles check FILE}: what a role file means to Airlock, without applying it. Per document it lists
 * the fields Airlock enforces and those it accepts but ignores (Teleport resources Airlock does not front),
 * and it lists every refusal (fields Airlock does not implement that would change who may request, review
 * or log in, and any error that would stop {@link RoleFileParser#parse}). Pure: no I/O, no clock.
 */
public final class RoleFileChecker {

    private RoleFileChecker() {
    }

    /** Checks a role file's text; {@code sourceName} names it in messages. */
    public static RoleFileReport check(String yaml, String sourceName) {
        RoleFileParser.Read read;
        try {
            read = RoleFileParser.read(yaml, sourceName);
        } catch (InvalidRequestException e) {
            return new RoleFileReport(sourceName, List.of(), List.of(e.getMessage()));
        }
        List<String> refusals = read.refusals().stream().map(Throwable::getMessage).toList();
        if (refusals.isEmpty()) {
            try {
                read.documents().toConfig(); // undefined references, no roles at all
            } catch (InvalidRequestException e) {
                refusals = List.of(e.getMessage());
            }
        }
        return new RoleFileReport(sourceName, read.documents().reports(), refusals);
    }
}
