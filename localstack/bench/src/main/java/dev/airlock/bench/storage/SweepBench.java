package dev.airlock.bench.storage;

import dev.airlock.bench.LocalBackend;
import dev.airlock.bench.Progress;
import dev.airlock.bench.Stats;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.core.usecase.ExpireRequests;
import dev.airlock.core.usecase.ListRequests;
import dev.airlock.core.usecase.RequestFilter;
import dev.airlock.core.usecase.SweepResult;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.role.Identity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sweep and list scaling: per table size, a fresh embedded DynamoDB filled by {@link Population},
 * then — through the product's use cases over the DynamoDB store, with an {@link ItemReadCounter} on
 * the client — one page of 50 pending requests for a reviewer (the review queue, {@code GET /requests})
 * and for a requester ({@code GET /requests?state=PENDING}), and the expiry sweep run until nothing is
 * overdue. Items read are what DynamoDB read (ScannedCount, items returned), not what was returned.
 */
public final class SweepBench {

    public static final int PAGE_SIZE = 50;
    private static final int MAX_SWEEPS = 1_000;

    private final Progress progress;

    public SweepBench(Progress progress) {
        this.progress = progress;
    }

    /** Fills {@code sweep} (per size) and {@code listPage} (per size, plus the largest size's figures at the top). */
    public void run(List<Integer> sizes, Map<String, Object> sweep, Map<String, Object> listPage) {
        Map<String, Object> pages = new LinkedHashMap<>();
        for (int size : sizes) {
            try (LocalBackend backend = LocalBackend.start("ECC_NIST_P256")) {
                int overdue = Population.create(backend, size, progress);
                ItemReadCounter counter = new ItemReadCounter();
                try (DynamoDbClient client = backend.dynamoDb(List.of(counter))) {
                    Clock clock = Clock.systemUTC();
                    AccessRequestStore store = backend.store(client, clock);
                    pages.put(Integer.toString(size), listPages(backend, store, clock, counter));
                    sweep.put(Integer.toString(size), sweep(store, clock, counter, overdue));
                }
            }
            progress.step("sweep " + size + ": " + sweep.get(Integer.toString(size)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> largest = (Map<String, Object>) pages.get(Integer.toString(sizes.get(sizes.size() - 1)));
        listPage.put("pageSize", PAGE_SIZE);
        listPage.put("itemsRead", largest.get("itemsRead"));
        listPage.put("target", 2 * PAGE_SIZE);
        listPage.put("bySize", pages);
    }

    private static Map<String, Object> sweep(AccessRequestStore store, Clock clock, ItemReadCounter counter,
                                             int overdue) {
        ExpireRequests expiry = new ExpireRequests(store, clock);
        counter.reset();
        Map<String, Object> first = null;
        int sweeps = 0;
        int expired = 0;
        SweepResult result;
        do {
            result = expiry.run();
            sweeps++;
            expired += result.expired();
            if (first == null) {
                first = Map.of("overdueFound", result.overdue(), "itemsRead", counter.itemsRead());
            }
        } while (result.moreWork() && sweeps < MAX_SWEEPS);
        if (expired != overdue) {
            throw new IllegalStateException("the sweeps expired " + expired + " of " + overdue + " overdue requests");
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("overdue", overdue);
        figures.put("itemsRead", counter.itemsRead());
        figures.put("readsPerOverdue", Stats.round((double) counter.itemsRead() / overdue, 3));
        figures.put("target", 1.1);
        figures.put("indexItemsRead", counter.queryItemsRead());
        figures.put("indexReadsPerOverdue", Stats.round((double) counter.queryItemsRead() / overdue, 3));
        figures.put("sweeps", sweeps);
        figures.put("firstSweep", first);
        figures.put("calls", counter.calls());
        return figures;
    }

    private static Map<String, Object> listPages(LocalBackend backend, AccessRequestStore store, Clock clock,
                                                 ItemReadCounter counter) {
        RoleCatalog catalog = backend.roleCatalog(clock);
        ListRequests list = new ListRequests(store, catalog, clock);
        Identity reviewer = LocalBackend.identity(catalog, "alice", "dba-reviewers");
        Identity requester = LocalBackend.identity(catalog, Population.user(7), "contractors");
        catalog.current(); // the role configuration is cached; its one GetItem is not the listing's
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.putAll(page("", list, reviewer, RequestFilter.none(), counter));
        figures.putAll(page("requester", list, requester,
                new RequestFilter(java.util.Optional.of(RequestState.PENDING), java.util.Optional.empty()), counter));
        return figures;
    }

    private static Map<String, Object> page(String prefix, ListRequests list, Identity caller, RequestFilter filter,
                                            ItemReadCounter counter) {
        counter.reset();
        Page<AccessRequest> page = list.list(caller, filter, PageRequest.first(PAGE_SIZE));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(key(prefix, "itemsRead"), counter.itemsRead());
        figures.put(key(prefix, "itemsReturned"), page.items().size());
        figures.put(key(prefix, "queries"), counter.calls().getOrDefault("Query", 0L));
        return figures;
    }

    private static String key(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
