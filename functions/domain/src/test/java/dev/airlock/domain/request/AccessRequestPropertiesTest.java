package dev.airlock.domain.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.role.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the request state machine under any sequence of reviews, withdrawals, revocations,
 * sweeps and clock moves. Refused actions (any {@link AirlockException}) leave the request unchanged,
 * as a failed conditional write would.
 */
class AccessRequestPropertiesTest {

    private static final String REQUESTER = "alice";
    private static final List<String> PEOPLE = List.of(REQUESTER, "bob", "carol", "dave", "erin");
    private static final List<String> ROLES = List.of("cluster-a", "dba", "sudo-admin");

    sealed interface Step permits ReviewStep, Advance, Withdraw, Revoke, Sweep {
    }

    record ReviewStep(String reviewer, Verdict verdict) implements Step {
    }

    record Advance(Duration by) implements Step {
    }

    record Withdraw(String by) implements Step {
    }

    record Revoke() implements Step {
    }

    record Sweep() implements Step {
    }

    /** One request's history: every value it took and the clock when it took it. */
    record Timeline(List<AccessRequest> values, List<Instant> times) {
    }

    @Property(tries = 500)
    void finalStatesAreNeverLeft(@ForAll("requests") AccessRequest start, @ForAll("steps") List<Step> steps) {
        Timeline t = run(start, steps);
        RequestState firstFinal = null;
        Statistics.label("final state reached").collect(t.values().get(t.values().size() - 1)
                .stateAt(t.times().get(t.times().size() - 1)).isFinal());
        Statistics.label("final state reached").coverage(c -> c.check(true).percentage(p -> p > 30));
        for (int i = 0; i < t.values().size(); i++) {
            RequestState effective = t.values().get(i).stateAt(t.times().get(i));
            if (firstFinal != null) {
                assertThat(effective).as("after reaching %s", firstFinal).isEqualTo(firstFinal);
            } else if (effective.isFinal()) {
                firstFinal = effective;
            }
        }
    }

    @Property(tries = 500)
    void storedStateOnlyMovesAlongAllowedTransitions(
            @ForAll("requests") AccessRequest start, @ForAll("steps") List<Step> steps) {
        Timeline t = run(start, steps);
        for (int i = 1; i < t.values().size(); i++) {
            RequestState before = t.values().get(i - 1).state();
            RequestState after = t.values().get(i).state();
            assertThat(after == before || before.canMoveTo(after))
                    .as("%s -> %s", before, after).isTrue();
        }
    }

    @Property(tries = 500)
    void requesterReviewNeverCounts(@ForAll("requests") AccessRequest start, @ForAll("steps") List<Step> steps) {
        Timeline t = run(start, steps);
        AccessRequest last = t.values().get(t.values().size() - 1);
        Statistics.label("requester tried to review")
                .collect(steps.stream().anyMatch(s -> s instanceof ReviewStep r && r.reviewer().equals(REQUESTER)));
        Statistics.label("requester tried to review").coverage(c -> c.check(true).percentage(p -> p > 30));
        assertThat(last.reviews()).noneMatch(r -> r.reviewer().equals(REQUESTER));
        if (last.state() == RequestState.APPROVED || last.state() == RequestState.DENIED) {
            List<Review> withSelf = new ArrayList<>(last.reviews());
            withSelf.add(0, new Review(REQUESTER, Verdict.DENY, "", t.times().get(0)));
            withSelf.add(new Review(REQUESTER, Verdict.APPROVE, "", t.times().get(0)));
            assertThat(ReviewResolution.resolve(REQUESTER, last.roles(), last.thresholdsByRole(), withSelf))
                    .isEqualTo(ReviewResolution.resolve(REQUESTER, last.roles(), last.thresholdsByRole(),
                            last.reviews()));
        }
    }

    @Property(tries = 500)
    void approvedNeverOutlivesItsAccessWindow(
            @ForAll("requests") AccessRequest start, @ForAll("steps") List<Step> steps) {
        Timeline t = run(start, steps);
        boolean everApproved = false;
        for (int i = 0; i < t.values().size(); i++) {
            AccessRequest r = t.values().get(i);
            if (r.stateAt(t.times().get(i)) == RequestState.APPROVED) {
                everApproved = true;
                Instant end = r.accessExpiresAt().orElseThrow();
                assertThat(t.times().get(i)).isBefore(end);
                assertThat(end).isEqualTo(r.resolvedAt().orElseThrow().plus(r.accessDuration()));
                assertThat(r.stateAt(end)).isEqualTo(RequestState.EXPIRED);
                assertThat(r.stateAt(end.plus(Duration.ofDays(365)))).isEqualTo(RequestState.EXPIRED);
            }
        }
        // The property is only worth something if the generator actually reaches approval often.
        Statistics.label("approved").collect(everApproved);
        Statistics.label("approved").coverage(c -> c.check(true).percentage(p -> p > 5));
    }

    private static Timeline run(AccessRequest start, List<Step> steps) {
        List<AccessRequest> values = new ArrayList<>(List.of(start));
        List<Instant> times = new ArrayList<>(List.of(start.createdAt()));
        AccessRequest current = start;
        Instant now = start.createdAt();
        for (Step step : steps) {
            if (step instanceof Advance a) {
                now = now.plus(a.by());
            } else {
                try {
                    current = apply(current, step, now);
                } catch (AirlockException refused) {
                    // refused: the request stays as it was
                }
            }
            values.add(current);
            times.add(now);
        }
        return new Timeline(values, times);
    }

    private static AccessRequest apply(AccessRequest r, Step step, Instant now) {
        if (step instanceof ReviewStep s) {
            return r.applyReview(new Review(s.reviewer(), s.verdict(), "", now), now);
        }
        if (step instanceof Withdraw w) {
            return r.withdraw(w.by(), now);
        }
        if (step instanceof Revoke) {
            return r.revoke("revoked", now);
        }
        if (step instanceof Sweep) {
            return r.expire(now);
        }
        return r;
    }

    @Provide
    Arbitrary<AccessRequest> requests() {
        Arbitrary<Threshold> threshold = Combinators.combine(
                Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 3)).as(Threshold::new);
        Arbitrary<List<String>> roles = Arbitraries.of(ROLES).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        Arbitrary<List<Threshold>> thresholds = threshold.list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Duration> pendingTtl = Arbitraries.integers().between(1, 240).map(Duration::ofMinutes);
        Arbitrary<Duration> access = Arbitraries.integers().between(1, 480).map(Duration::ofMinutes);
        return Combinators.combine(roles, thresholds.list().ofSize(3), pendingTtl, access).as((rs, ts, ttl, acc) -> {
            Map<String, List<Threshold>> byRole = new TreeMap<>();
            for (int i = 0; i < rs.size(); i++) {
                byRole.put(rs.get(i), ts.get(i));
            }
            return AccessRequest.create(RequestFixtures.ID, REQUESTER, rs, "why", RequestFixtures.T0,
                    RequestFixtures.T0.plus(ttl), acc, byRole);
        });
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> review = Combinators.combine(Arbitraries.of(PEOPLE), Arbitraries.of(Verdict.class))
                .as(ReviewStep::new);
        // Mostly small clock moves, so reviews land before expiry; sometimes a jump past every deadline.
        Arbitrary<Step> advance = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.longs().between(0, 600)), Tuple.of(1, Arbitraries.longs().between(0, 6 * 3600)))
                .map(s -> new Advance(Duration.ofSeconds(s)));
        Arbitrary<Step> withdraw = Arbitraries.of(PEOPLE).map(Withdraw::new);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(5, review), Tuple.of(4, advance),
                Tuple.of(1, withdraw), Tuple.of(1, Arbitraries.just(new Revoke())),
                Tuple.of(1, Arbitraries.just(new Sweep())));
        return step.list().ofMaxSize(25);
    }
}
