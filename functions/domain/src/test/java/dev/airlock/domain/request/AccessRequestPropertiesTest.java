package dev.airlock.domain.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.role.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the request state machine under any sequence of reviews, withdrawals, revocations,
 * sweeps and clock moves. Refused actions (any {@link AirlockException}) leave the request unchanged,
 * as a failed conditional write would.
 *
 * <p>Each property runs over a few edge histories (named {@code edge ...}) and {@value #TRIES} random ones,
 * each built from its own seed (named {@code seed N}), so a failure reproduces by running the test again.
 * {@code -Dairlock.seed.base=N} explores seeds N..N+{@value #TRIES}-1 instead of 0..{@value #TRIES}-1.
 */
class AccessRequestPropertiesTest {

    /** Surefire names a failing case by its index only; this puts the case's name ("seed 17", "edge ...") first. */
    @RegisterExtension
    static final TestExecutionExceptionHandler NAME_THE_FAILING_CASE = (context, failure) -> {
        throw new AssertionError(context.getDisplayName() + " failed: " + failure, failure);
    };

    private static final String REQUESTER = "alice";
    private static final List<String> PEOPLE = List.of(REQUESTER, "bob", "carol", "dave", "erin");
    private static final List<String> ROLES = List.of("cluster-a", "dba", "sudo-admin");
    private static final int TRIES = 500;

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

    @ParameterizedTest
    @MethodSource("histories")
    void finalStatesAreNeverLeft(AccessRequest start, List<Step> steps) {
        Timeline t = run(start, steps);
        RequestState firstFinal = null;
        for (int i = 0; i < t.values().size(); i++) {
            RequestState effective = t.values().get(i).stateAt(t.times().get(i));
            if (firstFinal != null) {
                assertThat(effective).as("after reaching %s", firstFinal).isEqualTo(firstFinal);
            } else if (effective.isFinal()) {
                firstFinal = effective;
            }
        }
    }

    @ParameterizedTest
    @MethodSource("histories")
    void storedStateOnlyMovesAlongAllowedTransitions(AccessRequest start, List<Step> steps) {
        Timeline t = run(start, steps);
        for (int i = 1; i < t.values().size(); i++) {
            RequestState before = t.values().get(i - 1).state();
            RequestState after = t.values().get(i).state();
            assertThat(after == before || before.canMoveTo(after))
                    .as("%s -> %s", before, after).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("histories")
    void requesterReviewNeverCounts(AccessRequest start, List<Step> steps) {
        Timeline t = run(start, steps);
        AccessRequest last = t.values().get(t.values().size() - 1);
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

    @ParameterizedTest
    @MethodSource("histories")
    void approvedNeverOutlivesItsAccessWindow(AccessRequest start, List<Step> steps) {
        Timeline t = run(start, steps);
        for (int i = 0; i < t.values().size(); i++) {
            AccessRequest r = t.values().get(i);
            if (r.stateAt(t.times().get(i)) == RequestState.APPROVED) {
                Instant end = r.accessExpiresAt().orElseThrow();
                assertThat(t.times().get(i)).isBefore(end);
                assertThat(end).isEqualTo(r.resolvedAt().orElseThrow().plus(r.accessDuration()));
                assertThat(r.stateAt(end)).isEqualTo(RequestState.EXPIRED);
                assertThat(r.stateAt(end.plus(Duration.ofDays(365)))).isEqualTo(RequestState.EXPIRED);
            }
        }
    }

    /**
     * The properties are only worth something if the random histories reach what they are about: a final
     * state (more than 30% of them), a review by the requester (more than 30%) and approval (more than 5%).
     */
    @Test
    void randomHistoriesReachTheCasesThePropertiesAreAbout() {
        int finalReached = 0;
        int requesterReviewed = 0;
        int approved = 0;
        for (long seed : seeds().toArray()) {
            SplittableRandom random = new SplittableRandom(seed);
            AccessRequest start = request(random);
            List<Step> steps = steps(random);
            Timeline t = run(start, steps);
            int last = t.values().size() - 1;
            if (t.values().get(last).stateAt(t.times().get(last)).isFinal()) {
                finalReached++;
            }
            if (steps.stream().anyMatch(s -> s instanceof ReviewStep r && r.reviewer().equals(REQUESTER))) {
                requesterReviewed++;
            }
            if (IntStream.range(0, t.values().size())
                    .anyMatch(i -> t.values().get(i).stateAt(t.times().get(i)) == RequestState.APPROVED)) {
                approved++;
            }
        }
        assertThat(100.0 * finalReached / TRIES).as("%% of histories reaching a final state").isGreaterThan(30);
        assertThat(100.0 * requesterReviewed / TRIES).as("%% of histories where the requester reviews")
                .isGreaterThan(30);
        assertThat(100.0 * approved / TRIES).as("%% of histories reaching approval").isGreaterThan(5);
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

    // ---- histories: edge cases first, then TRIES seeded random ones ----

    static Stream<Arguments> histories() {
        Threshold most = new Threshold(3, 3);
        List<AccessRequest> requests = List.of(
                request(List.of("dba"), List.of(List.of(new Threshold(1, 1))), Duration.ofMinutes(1),
                        Duration.ofMinutes(1)),
                request(ROLES, List.of(List.of(most, most, most), List.of(most, most, most), List.of(most, most, most)),
                        Duration.ofMinutes(240), Duration.ofMinutes(480)));
        Duration pastEverything = Duration.ofHours(6);
        List<List<Step>> stepLists = List.of(
                List.of(),
                List.of(new Advance(Duration.ZERO), new Sweep()),
                List.of(new ReviewStep(REQUESTER, Verdict.APPROVE), new ReviewStep(REQUESTER, Verdict.DENY)),
                List.of(new ReviewStep("bob", Verdict.APPROVE), new Advance(pastEverything), new Sweep(),
                        new ReviewStep("carol", Verdict.DENY)),
                List.of(new Advance(pastEverything), new ReviewStep("bob", Verdict.APPROVE), new Sweep()),
                List.of(new ReviewStep("bob", Verdict.DENY), new Withdraw(REQUESTER), new Revoke(),
                        new ReviewStep("carol", Verdict.APPROVE)),
                List.of(new ReviewStep("bob", Verdict.APPROVE), new Withdraw("bob"), new Withdraw(REQUESTER),
                        new Revoke(), new Sweep()));
        Stream<Arguments> edges = requests.stream().flatMap(start -> stepLists.stream().map(steps -> Arguments
                .argumentSet("edge " + start.roles() + " " + steps, start, steps)));
        Stream<Arguments> random = seeds().mapToObj(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            return Arguments.argumentSet("seed " + seed, request(r), steps(r));
        });
        return Stream.concat(edges, random);
    }

    /** The seeds of the random histories; see the class comment. */
    static LongStream seeds() {
        long base = Long.getLong("airlock.seed.base", 0L);
        return LongStream.range(base, base + TRIES);
    }

    /**
     * 1 to 3 distinct roles, each with 1 to 3 thresholds of 1 to 3 approvals and denials; 1 to 240 minutes
     * to review and 1 to 480 minutes of access.
     */
    static AccessRequest request(SplittableRandom r) {
        List<String> pool = new ArrayList<>(ROLES);
        List<String> roles = new ArrayList<>();
        List<List<Threshold>> thresholds = new ArrayList<>();
        for (int i = r.nextInt(1, 4); i > 0; i--) {
            roles.add(pool.remove(r.nextInt(pool.size())));
            List<Threshold> forRole = new ArrayList<>();
            for (int j = r.nextInt(1, 4); j > 0; j--) {
                forRole.add(new Threshold(r.nextInt(1, 4), r.nextInt(1, 4)));
            }
            thresholds.add(forRole);
        }
        return request(roles, thresholds, Duration.ofMinutes(r.nextInt(1, 241)), Duration.ofMinutes(r.nextInt(1, 481)));
    }

    private static AccessRequest request(List<String> roles, List<List<Threshold>> thresholds, Duration pendingTtl,
                                         Duration access) {
        Map<String, List<Threshold>> byRole = new TreeMap<>();
        for (int i = 0; i < roles.size(); i++) {
            byRole.put(roles.get(i), thresholds.get(i));
        }
        return AccessRequest.create(RequestFixtures.ID, REQUESTER, roles, "why", RequestFixtures.T0,
                RequestFixtures.T0.plus(pendingTtl), access, byRole);
    }

    /**
     * Up to 25 steps: reviews 5 in 12, clock moves 4 in 12, withdrawals, revocations and sweeps 1 in 12 each.
     * Clock moves are mostly small (up to 10 minutes), so reviews land before expiry; one in nine jumps up to
     * 6 hours, past every deadline.
     */
    static List<Step> steps(SplittableRandom r) {
        List<Step> steps = new ArrayList<>();
        for (int i = r.nextInt(0, 26); i > 0; i--) {
            steps.add(switch (weighted(r, 5, 4, 1, 1, 1)) {
                case 0 -> new ReviewStep(person(r), Verdict.values()[r.nextInt(Verdict.values().length)]);
                case 1 -> new Advance(Duration.ofSeconds(r.nextLong(0, weighted(r, 8, 1) == 0 ? 601 : 6 * 3600 + 1)));
                case 2 -> new Withdraw(person(r));
                case 3 -> new Revoke();
                default -> new Sweep();
            });
        }
        return steps;
    }

    private static String person(SplittableRandom r) {
        return PEOPLE.get(r.nextInt(PEOPLE.size()));
    }

    /** An index into {@code weights}, each chosen in proportion to its weight. */
    private static int weighted(SplittableRandom r, int... weights) {
        int roll = r.nextInt(IntStream.of(weights).sum());
        int i = 0;
        while (roll >= weights[i]) {
            roll -= weights[i++];
        }
        return i;
    }
}
