package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.core.testing.TestKeys;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Under any sequence of reviews (by reviewers, non-reviewers and the requester), withdrawals,
 * certificate requests, sweeps and clock moves — refused or not — the stored request and its audit
 * chain never drift apart: the chain verifies, the request carries its head, and there is exactly one
 * record per stored version.
 *
 * <p>The property runs over a few edge histories (named {@code edge ...}) and {@value #TRIES} random ones,
 * each built from its own seed (named {@code seed N}), so a failure reproduces by running the test again.
 * {@code -Dairlock.seed.base=N} explores seeds N..N+{@value #TRIES}-1 instead of 0..{@value #TRIES}-1.
 */
class RequestChainPropertiesTest {

    /** Surefire names a failing case by its index only; this puts the case's name ("seed 17", "edge ...") first. */
    @RegisterExtension
    static final TestExecutionExceptionHandler NAME_THE_FAILING_CASE = (context, failure) -> {
        throw new AssertionError(context.getDisplayName() + " failed: " + failure, failure);
    };

    /** Two requesters (bob needs one approval, ivy two), two dba reviewers and a reviewer of other roles. */
    private static final List<Identity> PEOPLE = List.of(TestIdentities.bob(), TestIdentities.user("ivy", "interns"),
            TestIdentities.alice(), TestIdentities.user("dave", "dba-reviewers"),
            TestIdentities.user("frank", "cluster-reviewers"));
    private static final String KEY = TestKeys.ed25519PublicKeyLine();
    private static final int TRIES = 150;

    sealed interface Step permits Review, Withdraw, Sign, Sweep, Advance {
    }

    record Review(int who, Verdict verdict) implements Step {
    }

    record Withdraw(int who) implements Step {
    }

    record Sign(int who) implements Step {
    }

    record Sweep() implements Step {
    }

    record Advance(Duration by) implements Step {
    }

    @ParameterizedTest
    @MethodSource("histories")
    void storedRequestAndAuditChainStayInStep(int requester, List<Step> steps) {
        play(requester, steps);
    }

    /** Guards the property itself: it must see requests approved and certificates recorded. */
    @Test
    void randomHistoriesIssueCertificates() {
        long issued = seeds().filter(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            return !play(random.nextInt(2), steps(random)).certificateSerials().isEmpty();
        }).count();

        assertThat(issued).as("random histories issuing a certificate").isGreaterThanOrEqualTo(3);
    }

    /** Plays the history, checking request and chain after every step; returns the last stored request. */
    private static AccessRequest play(int requester, List<Step> steps) {
        TestAirlock t = TestAirlock.demo();
        String id = t.airlock().requestAccess()
                .handle(PEOPLE.get(requester), NewRequest.of(List.of("dba"), "INC-1"), Optional.empty()).request().id();
        for (Step step : steps) {
            try {
                apply(t, id, step);
            } catch (AirlockException refused) {
                // refusals are part of the story; they must leave no trace
            }
            AccessRequest stored = t.store().find(id).orElseThrow();
            List<AuditRecord> chain = t.audit().read("request#" + id);
            assertThat(t.audit().verifies("request#" + id)).isTrue();
            assertThat(stored.auditHead()).isEqualTo(chain.get(chain.size() - 1).head());
            assertThat(stored.version()).isEqualTo(chain.size() - 1L);
        }
        return t.store().find(id).orElseThrow();
    }

    private static void apply(TestAirlock t, String id, Step step) {
        if (step instanceof Review r) {
            t.airlock().reviewRequest().handle(PEOPLE.get(r.who()), id, r.verdict(), "because");
        } else if (step instanceof Withdraw w) {
            t.airlock().withdrawRequest().handle(PEOPLE.get(w.who()), id);
        } else if (step instanceof Sign s) {
            t.airlock().issueCertificate().handle(PEOPLE.get(s.who()), KEY, Optional.of(id));
        } else if (step instanceof Sweep) {
            t.airlock().expireRequests().run();
        } else if (step instanceof Advance a) {
            t.clock().advance(a.by());
        }
    }

    // ---- histories: edge cases first, then TRIES seeded random ones ----

    static Stream<Arguments> histories() {
        int bob = 0;
        int ivy = 1;
        int alice = 2;
        int dave = 3;
        int frank = 4;
        Step approve = new Review(alice, Verdict.APPROVE);
        Step longest = new Advance(Duration.ofMinutes(90));
        Stream<Arguments> edges = Stream.of(
                argumentSet("edge bob, nothing happens", bob, List.of()),
                argumentSet("edge ivy, nothing happens", ivy, List.of()),
                argumentSet("edge bob approved and signs twice", bob, List.of(approve, new Sign(bob), new Sign(bob))),
                argumentSet("edge ivy needs two approvals", ivy,
                        List.of(approve, new Sign(ivy), new Review(dave, Verdict.APPROVE), new Sign(ivy))),
                argumentSet("edge requester reviews own request", bob,
                        List.of(new Review(bob, Verdict.APPROVE), new Sign(bob))),
                argumentSet("edge non-reviewers review, someone else signs", ivy,
                        List.of(new Review(frank, Verdict.APPROVE), new Review(bob, Verdict.APPROVE), new Sign(alice))),
                argumentSet("edge denied, then everything else", bob, List.of(new Review(dave, Verdict.DENY),
                        approve, new Sign(bob), new Withdraw(bob), new Sweep())),
                argumentSet("edge withdrawn by someone else, then by the requester", bob,
                        List.of(new Withdraw(alice), new Withdraw(bob), approve, new Sign(bob))),
                argumentSet("edge the clock runs past every deadline", ivy, List.of(approve, longest, longest, longest,
                        new Sweep(), new Review(dave, Verdict.APPROVE), new Sign(ivy), longest, longest, longest,
                        new Sweep())),
                argumentSet("edge approved, signed, expired", bob,
                        List.of(approve, new Sign(bob), longest, longest, longest, longest, new Sweep(), new Sign(bob))));
        Stream<Arguments> random = seeds().mapToObj(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            return argumentSet("seed " + seed, r.nextInt(2), steps(r));
        });
        return Stream.concat(edges, random);
    }

    /** The seeds of the random histories; see the class comment. */
    static LongStream seeds() {
        long base = Long.getLong("airlock.seed.base", 0L);
        return LongStream.range(base, base + TRIES);
    }

    /** How often each of {@link #PEOPLE} reviews: mostly the dba reviewers, sometimes the others. */
    private static final int[] REVIEWER_WEIGHTS = {1, 1, 3, 3, 1};
    /** How often each of {@link #PEOPLE} withdraws or asks for a certificate: mostly the requesters. */
    private static final int[] REQUESTER_WEIGHTS = {3, 3, 1, 0, 0};

    /**
     * Up to 12 steps: reviews (4 in 5 approving) 5 in 11, withdrawals 1 in 11, certificate requests 3 in 11,
     * sweeps 1 in 11 and clock moves of 1 to 90 minutes 1 in 11.
     */
    static List<Step> steps(SplittableRandom r) {
        List<Step> steps = new ArrayList<>();
        for (int i = r.nextInt(0, 13); i > 0; i--) {
            steps.add(switch (weighted(r, 5, 1, 3, 1, 1)) {
                case 0 -> new Review(weighted(r, REVIEWER_WEIGHTS), weighted(r, 4, 1) == 0 ? Verdict.APPROVE : Verdict.DENY);
                case 1 -> new Withdraw(weighted(r, REQUESTER_WEIGHTS));
                case 2 -> new Sign(weighted(r, REQUESTER_WEIGHTS));
                case 3 -> new Sweep();
                default -> new Advance(Duration.ofMinutes(r.nextInt(1, 91)));
            });
        }
        return steps;
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
