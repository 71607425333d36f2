package dev.airlock.aws.dynamodb;

import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listing by user and by state through the GSIs: newest first, paged with signed cursors. */
class RequestListingIT {

    private DynamoDbFixture fixture;
    private DynamoDbAccessRequestStore store;

    @BeforeEach
    void setUp() {
        fixture = DynamoDbFixture.create();
        store = fixture.store();
    }

    @Test
    void listByUser_shouldPageThroughManyRequestsNewestFirstWithoutDuplicatesOrGaps() {
        List<AccessRequest> alices = createMany("alice", 230, Instant.parse("2025-01-01T00:00:00Z"));
        createMany("bob", 7, Instant.parse("2025-01-01T00:00:00.5Z"));

        List<Page<AccessRequest>> pages = readAll(cursor -> store.listByUser("alice", Optional.empty(),
                new PageRequest(50, cursor)));

        assertThat(pages).extracting(p -> p.items().size()).containsExactly(50, 50, 50, 50, 30);
        assertThat(pages.get(4).nextCursor()).isEmpty();
        assertThat(ids(pages)).containsExactlyElementsOf(newestFirst(alices));
    }

    @Test
    void listByUser_withAState_shouldReturnOnlyThatStateNewestFirst() {
        Instant t = Instant.parse("2025-02-01T00:00:00Z");
        List<AccessRequest> approved = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            AccessRequest pending = TestRequests.pending("carol", t.plusSeconds(i));
            AccessRequest request = i % 3 == 0 ? pending.applyReview(new dev.airlock.domain.request.Review("rev",
                    dev.airlock.domain.request.Verdict.APPROVE, "", t.plusSeconds(i)), t.plusSeconds(i)) : pending;
            store.create(request, TestRequests.created(request), Optional.empty());
            if (request.state() == RequestState.APPROVED) {
                approved.add(request);
            }
        }

        List<Page<AccessRequest>> pages = readAll(cursor -> store.listByUser("carol",
                Optional.of(RequestState.APPROVED), new PageRequest(4, cursor)));

        assertThat(pages.stream().flatMap(p -> p.items().stream()))
                .allMatch(r -> r.state() == RequestState.APPROVED && r.user().equals("carol"));
        assertThat(ids(pages)).containsExactlyElementsOf(newestFirst(approved));
        assertThat(pages).allMatch(p -> p.items().size() <= 4);
    }

    @Test
    void listByState_shouldListAcrossUsersNewestFirst() {
        Instant t = Instant.parse("2025-02-02T00:00:00Z");
        List<AccessRequest> pending = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            AccessRequest request = TestRequests.pending(i % 2 == 0 ? "dave" : "erin", t.plus(Duration.ofMillis(i * 7L)));
            store.create(request, TestRequests.created(request), Optional.empty());
            pending.add(request);
        }
        AccessRequest denied = TestRequests.denied("frank");
        store.create(denied, TestRequests.created(denied), Optional.empty());

        List<Page<AccessRequest>> pages = readAll(cursor -> store.listByState(RequestState.PENDING,
                new PageRequest(5, cursor)));

        assertThat(pages).extracting(p -> p.items().size()).containsExactly(5, 5, 2);
        assertThat(ids(pages)).containsExactlyElementsOf(newestFirst(pending));
        assertThat(store.listByState(RequestState.DENIED, PageRequest.first(10)).items())
                .extracting(AccessRequest::id).containsExactly(denied.id());
    }

    @Test
    void listing_shouldRefuseACursorOfAnotherQueryOrAnEditedOne() {
        createMany("alice", 3, Instant.parse("2025-01-01T00:00:00Z"));
        createMany("bob", 3, Instant.parse("2025-01-01T00:00:00Z"));
        String alicesCursor = store.listByUser("alice", Optional.empty(), PageRequest.first(1)).nextCursor().orElseThrow();

        assertInvalidCursor(() -> store.listByUser("bob", Optional.empty(), new PageRequest(1, Optional.of(alicesCursor))));
        assertInvalidCursor(() -> store.listByUser("alice", Optional.of(RequestState.PENDING),
                new PageRequest(1, Optional.of(alicesCursor))));
        assertInvalidCursor(() -> store.listByState(RequestState.PENDING, new PageRequest(1, Optional.of(alicesCursor))));
        // A whole base64 character in the middle (the last one may hold only padding bits).
        String edited = alicesCursor.substring(0, 3) + (alicesCursor.charAt(3) == 'A' ? 'B' : 'A') + alicesCursor.substring(4);
        assertInvalidCursor(() -> store.listByUser("alice", Optional.empty(), new PageRequest(1, Optional.of(edited))));
        assertInvalidCursor(() -> store.listByUser("alice", Optional.empty(),
                new PageRequest(1, Optional.of(alicesCursor.substring(0, alicesCursor.length() - 2)))));
        assertThat(store.listByUser("alice", Optional.empty(), new PageRequest(1, Optional.of(alicesCursor))).items())
                .hasSize(1);
    }

    @Test
    void listing_shouldNeverShowIdempotencyConfigOrChainHeadItems() {
        AccessRequest request = TestRequests.pending("alice", Instant.parse("2025-01-01T00:00:00Z"));
        store.create(request, TestRequests.created(request), Optional.of("once"));
        new RoleConfigStore(fixture.client(), fixture.tables(), java.time.Clock.systemUTC())
                .apply(TestRoles.text("reviewers.yaml"), "alice");

        assertThat(store.listByUser("alice", Optional.empty(), PageRequest.first(100)).items())
                .extracting(AccessRequest::id).containsExactly(request.id());
        assertThat(store.listByState(RequestState.PENDING, PageRequest.first(100)).items())
                .extracting(AccessRequest::id).containsExactly(request.id());
    }

    private List<AccessRequest> createMany(String user, int n, Instant start) {
        List<AccessRequest> created = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AccessRequest request = TestRequests.pending(user, start.plus(Duration.ofSeconds(i)));
            created.add(store.create(request, TestRequests.created(request), Optional.empty()));
        }
        return created;
    }

    private static List<Page<AccessRequest>> readAll(Function<Optional<String>, Page<AccessRequest>> fetch) {
        List<Page<AccessRequest>> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<AccessRequest> page = fetch.apply(cursor);
            pages.add(page);
            cursor = page.nextCursor();
            assertThat(pages).as("bounded number of pages").hasSizeLessThan(100);
        } while (cursor.isPresent());
        return pages;
    }

    private static List<String> ids(List<Page<AccessRequest>> pages) {
        return pages.stream().flatMap(p -> p.items().stream()).map(AccessRequest::id).toList();
    }

    private static List<String> newestFirst(List<AccessRequest> requests) {
        return requests.stream().sorted(Comparator.comparing(AccessRequest::createdAt).reversed())
                .map(AccessRequest::id).toList();
    }

    private static void assertInvalidCursor(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.code()).isEqualTo(CursorCodec.INVALID_CURSOR));
    }
}
