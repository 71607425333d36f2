package dev.airlock.core.usecase;

import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.policy.ReviewPolicy;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.role.Identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code GET /requests} and {@code GET /requests/{id}}.
 *
 * <p><b>Visibility.</b> A caller sees a request when they made it, or when
 * {@link ReviewPolicy#mayReview} holds for them and it: a base role of theirs allows reviewing every
 * requested role and none denies one. That is judged on roles only, not on state, so a reviewer also
 * sees the history of requests they could have reviewed.
 *
 * <p><b>States</b> are effective states at the time of the call ({@link AccessRequest#stateAt}): an
 * open request past its expiry is returned as EXPIRED even before the sweep records it.
 */
public final class ListRequests {

    /**
     * Most store pages read to fill one page of visible requests. Bounds the work of one call when
     * most stored requests are invisible to the caller (a reviewer of one role in a busy queue).
     */
    public static final int MAX_STORE_READS_PER_PAGE = 5;

    private final AccessRequestStore store;
    private final RoleCatalog roleCatalog;
    private final Clock clock;

    public ListRequests(AccessRequestStore store, RoleCatalog roleCatalog, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.roleCatalog = Objects.requireNonNull(roleCatalog, "roleCatalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One page of the requests the caller may see, newest first. What is read:
     * <ul>
     *   <li>with {@code user}: that user's requests ({@code listByUser}), kept when visible — all of
     *       them for the caller's own name; none (without reading) for another user when the caller
     *       reviews nothing;</li>
     *   <li>without {@code user}, for a reviewer (a base role with {@code review_requests}): the
     *       requests in {@code state} ({@code listByState}, default PENDING — the review queue), kept
     *       when visible, so the caller's own requests in that state are included;</li>
     *   <li>without {@code user}, for anybody else: the caller's own requests.</li>
     * </ul>
     * With {@code state}, only requests whose effective state is {@code state} are kept. (An open
     * request that is overdue but not yet swept is stored under its old state, so it is not found
     * by {@code state=EXPIRED} until the sweep records it, at most a minute later.)
     *
     * <p><b>Pages.</b> Up to {@link #MAX_STORE_READS_PER_PAGE} store pages are read to fill the page,
     * each asking for the number of items still missing, so a page never holds more than
     * {@code page.size()} items. It may hold fewer — even none — while {@code nextCursor} is present:
     * clients follow {@code nextCursor} until it is empty. The cursor is the store's, so it stays
     * bound to the query.
     */
    public Page<AccessRequest> list(Identity caller, RequestFilter filter, PageRequest page) {
        Requests.required(caller, "caller");
        Requests.required(filter, "filter");
        Requests.required(page, "page");
        Policies policies = Policies.at(roleCatalog, clock);
        boolean reviewer = policies.isReviewer(caller);
        Optional<String> user = filter.user();
        if (user.isPresent() && !user.get().equals(caller.user()) && !reviewer) {
            return new Page<>(List.of(), Optional.empty());
        }
        Function<PageRequest, Page<AccessRequest>> source;
        if (user.isPresent()) {
            source = p -> store.listByUser(user.get(), filter.state(), p);
        } else if (reviewer) {
            source = p -> store.listByState(filter.state().orElse(RequestState.PENDING), p);
        } else {
            source = p -> store.listByUser(caller.user(), filter.state(), p);
        }
        Predicate<AccessRequest> keep = visibleTo(caller, policies.reviews())
                .and(r -> filter.state().isEmpty() || r.state() == filter.state().get());
        return fill(source, keep, policies, page);
    }

    /**
     * {@code GET /requests?reviewDue=true}: the break-glass requests still owed a post-review that the
     * caller may review (never their own), soonest due first ({@link PostReviewQueue}); one page, no cursor.
     */
    public Page<AccessRequest> reviewDue(Identity caller) {
        Requests.required(caller, "caller");
        Policies policies = Policies.at(roleCatalog, clock);
        if (!policies.isReviewer(caller)) {
            return new Page<>(List.of(), Optional.empty());
        }
        ReviewPolicy reviews = policies.reviews();
        List<AccessRequest> due = new PostReviewQueue(store).outstanding(policies.now()).stream()
                .filter(r -> reviews.mayReview(caller, r))
                .map(r -> Requests.asOf(r, policies.now()))
                .toList();
        return new Page<>(due, Optional.empty());
    }

    /**
     * One request, as of now.
     *
     * @throws NotFoundException     code {@code request_not_found}
     * @throws AccessDeniedException code {@code not_visible} when it exists but the caller may not see it
     */
    public AccessRequest get(Identity caller, String id) {
        Requests.required(caller, "caller");
        Policies policies = Policies.at(roleCatalog, clock);
        AccessRequest request = Requests.asOf(Requests.require(store, id), policies.now());
        if (!visibleTo(caller, policies.reviews()).test(request)) {
            throw new AccessDeniedException("not_visible", "you may not see request " + request.id());
        }
        return request;
    }

    private static Predicate<AccessRequest> visibleTo(Identity caller, ReviewPolicy reviews) {
        return r -> r.user().equals(caller.user()) || reviews.mayReview(caller, r);
    }

    private static Page<AccessRequest> fill(Function<PageRequest, Page<AccessRequest>> source,
                                            Predicate<AccessRequest> keep, Policies policies, PageRequest page) {
        List<AccessRequest> items = new ArrayList<>();
        Optional<String> cursor = page.cursor();
        for (int read = 0; read < MAX_STORE_READS_PER_PAGE; read++) {
            int missing = page.size() - items.size();
            Page<AccessRequest> chunk = source.apply(new PageRequest(missing, cursor));
            chunk.items().stream()
                    .map(r -> Requests.asOf(r, policies.now()))
                    .filter(keep)
                    .forEach(items::add);
            cursor = chunk.nextCursor();
            if (cursor.isEmpty() || items.size() >= page.size()) {
                break;
            }
        }
        return new Page<>(items, cursor);
    }
}
