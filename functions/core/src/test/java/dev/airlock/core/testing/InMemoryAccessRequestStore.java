package dev.airlock.core.testing;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.RequestReplay;
import dev.airlock.domain.error.InternalException;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.BreakGlassQuota;
import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * TEST ONLY: the requests table in memory, keeping the DynamoDB adapter's contract so tests against
 * it mean something. Thread-safe.
 * <ul>
 *   <li>every write is atomic with its audit record, written to the shared {@link InMemoryAuditLog}:
 *       both or neither;</li>
 *   <li>{@link #create} refuses an existing id; {@link #update} writes only if the stored version
 *       equals {@code updated.version()} and stores version + 1; both throw {@link ConflictException}
 *       on a lost race or a taken audit {@code (chain, seq)};</li>
 *   <li>listings are newest first with a keyset cursor bound to the query (not signed, unlike the
 *       adapter's: a cursor of another query is refused with {@code invalid_cursor});</li>
 *   <li>{@link #findOverdue} sees only open requests, as the sparse expiry index does.</li>
 * </ul>
 * Contract breaches by the caller (audit head not matching the record, wrong chain) are refused with
 * {@link IllegalArgumentException}: they are bugs, not races.
 */
public final class InMemoryAccessRequestStore implements AccessRequestStore {

    private static final Comparator<AccessRequest> NEWEST_FIRST = Comparator.comparing(Position::of, Position.ORDER);

    private final InMemoryAuditLog audit;
    private final Map<String, AccessRequest> items = new HashMap<>();
    private final Map<String, String> idempotencyKeys = new HashMap<>();
    private volatile Consumer<AccessRequest> beforeUpdate = r -> { };

    public InMemoryAccessRequestStore(InMemoryAuditLog audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public synchronized AccessRequest create(AccessRequest request, AuditRecord firstRecord,
                                             Optional<String> idempotencyKey) {
        Optional<String> earlier = idempotencyKey.map(k -> idempotencyKeys.get(scopedKey(request.user(), k)));
        if (earlier.isPresent()) {
            return items.get(earlier.get());
        }
        requireLinked(request, firstRecord);
        if (firstRecord.seq() != 1) {
            throw new IllegalArgumentException("a new request's first audit record has seq 1");
        }
        if (items.containsKey(request.id())) {
            throw new ConflictException("duplicate_id", "request " + request.id() + " already exists");
        }
        audit.put(firstRecord);
        items.put(request.id(), request);
        idempotencyKey.ifPresent(k -> idempotencyKeys.put(scopedKey(request.user(), k), request.id()));
        return request;
    }

    /** Counts under the store's lock, as the DynamoDB store counts under its per-user counter item's condition. */
    @Override
    public synchronized AccessRequest createBreakGlass(AccessRequest request, AuditRecord firstRecord,
                                                       Optional<String> idempotencyKey, BreakGlassQuota quota) {
        Optional<String> earlier = idempotencyKey.map(k -> idempotencyKeys.get(scopedKey(request.user(), k)));
        if (earlier.isPresent()) {
            return items.get(earlier.get());
        }
        List<Instant> opened = items.values().stream()
                .filter(r -> r.isBreakGlass() && r.user().equals(request.user()))
                .map(AccessRequest::createdAt).toList();
        quota.check(quota.recent(opened, request.createdAt()), request.createdAt());
        return create(request, firstRecord, idempotencyKey);
    }

    @Override
    public synchronized Optional<AccessRequest> find(String id) {
        return Optional.ofNullable(items.get(id));
    }

    @Override
    public AccessRequest update(AccessRequest updated, AuditRecord record) {
        beforeUpdate.accept(updated);
        synchronized (this) {
            requireLinked(updated, record);
            AccessRequest stored = items.get(updated.id());
            if (stored == null || stored.version() != updated.version()) {
                throw new ConflictException("version_conflict", "request " + updated.id() + " changed since version "
                        + updated.version());
            }
            requireApprovingHead(updated, record);
            audit.put(record);
            AccessRequest written = updated.nextVersion();
            items.put(written.id(), written);
            return written;
        }
    }

    @Override
    public synchronized Page<AccessRequest> listByUser(String user, Optional<RequestState> state, PageRequest page) {
        String query = "user\n" + user + "\n" + state.map(Enum::name).orElse("");
        return list(query, r -> r.user().equals(user) && state.map(s -> r.state() == s).orElse(true), page);
    }

    @Override
    public synchronized Page<AccessRequest> listByState(RequestState state, PageRequest page) {
        return list("state\n" + state.name(), r -> r.state() == state, page);
    }

    @Override
    public synchronized List<String> findOverdue(Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return items.values().stream()
                .filter(r -> r.openUntil().filter(due -> !due.isAfter(now)).isPresent())
                .sorted(Comparator.comparing((AccessRequest r) -> r.openUntil().orElseThrow()))
                .limit(limit)
                .map(AccessRequest::id)
                .toList();
    }

    /**
     * Runs {@code hook} with the request about to be written, before each {@link #update}'s
     * check-and-write and outside the lock: throw from it to simulate a failed write, block in it to
     * stage a race, or update the store from it to make this write stale.
     */
    public void beforeUpdate(Consumer<AccessRequest> hook) {
        this.beforeUpdate = Objects.requireNonNull(hook, "hook");
    }

    /** Removes the {@link #beforeUpdate} hook. */
    public void clearHooks() {
        this.beforeUpdate = r -> { };
    }

    /** Every stored request, newest first. */
    public synchronized List<AccessRequest> all() {
        return items.values().stream().sorted(NEWEST_FIRST).toList();
    }

    public synchronized int size() {
        return items.size();
    }

    private Page<AccessRequest> list(String query, Predicate<AccessRequest> matches, PageRequest page) {
        Optional<Position> after = page.cursor().map(c -> decodeCursor(query, c));
        List<AccessRequest> rest = items.values().stream()
                .filter(matches)
                .filter(r -> after.map(a -> Position.ORDER.compare(Position.of(r), a) > 0).orElse(true))
                .sorted(NEWEST_FIRST)
                .toList();
        List<AccessRequest> pageItems = new ArrayList<>(rest.subList(0, Math.min(page.size(), rest.size())));
        Optional<String> next = rest.size() > page.size()
                ? Optional.of(encodeCursor(query, Position.of(pageItems.get(pageItems.size() - 1))))
                : Optional.empty();
        return new Page<>(pageItems, next);
    }

    /** Where a listing stopped: the sort key of its last item, as DynamoDB's LastEvaluatedKey. */
    private record Position(Instant createdAt, String id) {

        static final Comparator<Position> ORDER = Comparator.comparing(Position::createdAt)
                .thenComparing(Position::id).reversed();

        static Position of(AccessRequest request) {
            return new Position(request.createdAt(), request.id());
        }
    }

    private static String encodeCursor(String query, Position last) {
        String text = query + "\n" + last.createdAt() + "\n" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decodeCursor(String query, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int idStart = text.lastIndexOf('\n');
            int atStart = text.lastIndexOf('\n', idStart - 1);
            if (atStart < 0 || !text.substring(0, atStart).equals(query)) {
                throw new IllegalArgumentException("cursor of another query");
            }
            return new Position(Instant.parse(text.substring(atStart + 1, idStart)), text.substring(idStart + 1));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("invalid_cursor", "the cursor does not belong to this query");
        }
    }

    /** As the DynamoDB adapter's head-record check: a certificate follows the approval or a certificate. */
    private void requireApprovingHead(AccessRequest updated, AuditRecord record) {
        List<AuditRecord> chain = audit.read(record.chain());
        if (record.knownAction().equals(Optional.of(AuditAction.CERTIFICATE_ISSUED))
                && (chain.isEmpty() || !RequestReplay.leavesApproved(chain.get(chain.size() - 1)))) {
            throw new InternalException(AccessRequestStore.AUDIT_MISMATCH, "request " + updated.id()
                    + "'s audit head does not approve it; refusing to record a certificate");
        }
    }

    private static void requireLinked(AccessRequest request, AuditRecord record) {
        if (!record.chain().equals("request#" + request.id())) {
            throw new IllegalArgumentException("audit record of chain " + record.chain() + " for request " + request.id());
        }
        if (!request.auditHead().equals(record.head())) {
            throw new IllegalArgumentException("request's audit head must be the record's head");
        }
    }

    private static String scopedKey(String user, String key) {
        return user + "\n" + key;
    }
}
