package dev.airlock.core.usecase;

import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Identity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListRequestsTest {

    private final TestAirlock t = TestAirlock.demo();
    private final ListRequests list = t.airlock().listRequests();
    private final Identity bob = TestIdentities.bob();
    private final Identity carol = TestIdentities.user("carol", "contractors");
    private final Identity alice = TestIdentities.alice();
    private final Identity frank = TestIdentities.user("frank", "cluster-reviewers");

    @Test
    void list_shouldShowARequesterOnlyTheirOwnRequests() {
        AccessRequest bobs = request(bob, "dba");
        request(carol, "dba");

        assertThat(ids(list.list(bob, RequestFilter.none(), PageRequest.first(50)))).containsExactly(bobs.id());
        assertThat(list.list(bob, RequestFilter.byUser("carol"), PageRequest.first(50)).items()).isEmpty();
    }

    @Test
    void list_shouldShowAReviewerThePendingRequestsTheyMayReview_andNoOthers() {
        AccessRequest dba = request(bob, "dba");
        AccessRequest cluster = request(carol, "cluster-a");

        assertThat(ids(list.list(alice, RequestFilter.none(), PageRequest.first(50))))
                .containsExactly(cluster.id(), dba.id());
        assertThat(ids(list.list(frank, RequestFilter.none(), PageRequest.first(50))))
                .containsExactly(cluster.id());
        assertThat(list.list(frank, RequestFilter.byUser("bob"), PageRequest.first(50)).items()).isEmpty();
    }

    @Test
    void list_shouldIncludeTheReviewersOwnRequests_inTheQueue() {
        Identity both = TestIdentities.user("carol", "contractors", "cluster-reviewers");
        AccessRequest own = request(both, "dba"); // not reviewable by carol, but hers
        AccessRequest reviewable = request(bob, "cluster-a");
        request(bob, "dba");

        assertThat(ids(list.list(both, RequestFilter.none(), PageRequest.first(50))))
                .containsExactly(reviewable.id(), own.id());
    }

    @Test
    void list_shouldFilterByEffectiveState() {
        AccessRequest approved = request(bob, "dba");
        t.airlock().reviewRequest().handle(alice, approved.id(), Verdict.APPROVE, "ok");
        AccessRequest pending = request(bob, "cluster-a");

        assertThat(ids(list.list(alice, RequestFilter.byState(RequestState.APPROVED), PageRequest.first(50))))
                .containsExactly(approved.id());
        assertThat(ids(list.list(bob, RequestFilter.byState(RequestState.PENDING), PageRequest.first(50))))
                .containsExactly(pending.id());
        assertThat(ids(list.list(bob, new RequestFilter(Optional.of(RequestState.APPROVED), Optional.of("bob")),
                PageRequest.first(50)))).containsExactly(approved.id());
    }

    @Test
    void list_shouldReportAnOverdueRequestAsExpired_beforeTheSweep() {
        AccessRequest pending = request(bob, "dba");
        t.clock().advance(Duration.ofHours(1));

        assertThat(list.list(alice, RequestFilter.byState(RequestState.PENDING), PageRequest.first(50)).items()).isEmpty();
        assertThat(list.list(bob, RequestFilter.none(), PageRequest.first(50)).items())
                .singleElement().satisfies(r -> {
                    assertThat(r.id()).isEqualTo(pending.id());
                    assertThat(r.state()).isEqualTo(RequestState.EXPIRED);
                    assertThat(r.version()).isEqualTo(pending.version());
                });
        assertThat(t.store().find(pending.id()).orElseThrow().state()).isEqualTo(RequestState.PENDING);
    }

    @Test
    void list_shouldPageThroughEveryVisibleRequestOnce_withPagesNoLargerThanAsked() {
        List<String> visible = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            request(bob, "dba");
            visible.add(0, request(carol, "cluster-a").id()); // newest first
        }

        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<AccessRequest> page = list.list(frank, RequestFilter.none(), new PageRequest(3, cursor));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            seen.addAll(ids(page));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent() && pages < 20);

        assertThat(seen).containsExactlyElementsOf(visible);
    }

    @Test
    void list_shouldBoundTheStoreReadsOfOnePage_whenLittleIsVisible() {
        AccessRequest oldest = request(carol, "cluster-a");
        for (int i = 0; i < 12; i++) {
            request(bob, "dba");
        }
        AtomicInteger reads = new AtomicInteger();
        AccessRequestStore counting = new DelegatingStore(t.store()) {
            @Override
            public Page<AccessRequest> listByState(RequestState state, PageRequest page) {
                reads.incrementAndGet();
                return super.listByState(state, page);
            }
        };
        ListRequests bounded = new ListRequests(counting, t.roles(), t.clock());

        Page<AccessRequest> first = bounded.list(frank, RequestFilter.none(), PageRequest.first(2));

        assertThat(reads).hasValue(ListRequests.MAX_STORE_READS_PER_PAGE);
        assertThat(first.items()).isEmpty();
        assertThat(first.nextCursor()).isPresent();
        Page<AccessRequest> second = bounded.list(frank, RequestFilter.none(), new PageRequest(2, first.nextCursor()));
        assertThat(ids(second)).containsExactly(oldest.id());
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void requestFilter_shouldRefuseABlankOrOverlongUser() {
        assertThatThrownBy(() -> RequestFilter.byUser(" "))
                .isInstanceOf(InvalidRequestException.class).hasFieldOrPropertyWithValue("code", "invalid_user_filter");
        assertThatThrownBy(() -> RequestFilter.byUser("u".repeat(RequestFilter.MAX_USER_LENGTH + 1)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(RequestFilter.byUser("u".repeat(RequestFilter.MAX_USER_LENGTH)).user()).isPresent();
    }

    @Test
    void get_shouldReturnARequestToItsRequesterAndItsReviewers() {
        AccessRequest pending = request(bob, "dba");

        assertThat(list.get(bob, pending.id())).isEqualTo(pending);
        assertThat(list.get(alice, pending.id())).isEqualTo(pending);
    }

    @Test
    void get_shouldRefuseEveryoneElse_andSayNotFoundForUnknownIds() {
        AccessRequest pending = request(bob, "dba");

        assertThatThrownBy(() -> list.get(carol, pending.id()))
                .isInstanceOf(AccessDeniedException.class).hasFieldOrPropertyWithValue("code", "not_visible");
        assertThatThrownBy(() -> list.get(frank, pending.id()))
                .isInstanceOf(AccessDeniedException.class).hasFieldOrPropertyWithValue("code", "not_visible");
        assertThatThrownBy(() -> list.get(bob, "0b8e5f7e-0000-4000-8000-000000000000"))
                .isInstanceOf(NotFoundException.class).hasFieldOrPropertyWithValue("code", "request_not_found");
    }

    @Test
    void get_shouldReportTheEffectiveState() {
        AccessRequest pending = request(bob, "dba");
        t.airlock().reviewRequest().handle(alice, pending.id(), Verdict.APPROVE, "ok");
        t.clock().advance(Duration.ofHours(4));

        AccessRequest seen = list.get(bob, pending.id());

        assertThat(seen.state()).isEqualTo(RequestState.EXPIRED);
        assertThat(seen.accessExpiresAt()).contains(t.clock().instant());
    }

    private AccessRequest request(Identity requester, String role) {
        t.clock().advance(Duration.ofSeconds(1)); // distinct creation times: a stable newest-first order
        return t.airlock().requestAccess()
                .handle(requester, NewRequest.of(List.of(role), "INC-9"), Optional.empty()).request();
    }

    private static List<String> ids(Page<AccessRequest> page) {
        return page.items().stream().map(AccessRequest::id).toList();
    }
}
