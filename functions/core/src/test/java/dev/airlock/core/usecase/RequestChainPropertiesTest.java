package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.core.testing.TestKeys;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Identity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under any sequence of reviews (by reviewers, non-reviewers and the requester), withdrawals,
 * certificate requests, sweeps and clock moves — refused or not — the stored request and its audit
 * chain never drift apart: the chain verifies, the request carries its head, and there is exactly one
 * record per stored version.
 */
class RequestChainPropertiesTest {

    /** Two requesters (bob needs one approval, ivy two), two dba reviewers and a reviewer of other roles. */
    private static final List<Identity> PEOPLE = List.of(TestIdentities.bob(), TestIdentities.user("ivy", "interns"),
            TestIdentities.alice(), TestIdentities.user("dave", "dba-reviewers"),
            TestIdentities.user("frank", "cluster-reviewers"));
    private static final String KEY = TestKeys.ed25519PublicKeyLine();

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

    @Property(tries = 150)
    void storedRequestAndAuditChainStayInStep(@ForAll @IntRange(max = 1) int requester,
                                              @ForAll("steps") List<Step> steps) {
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
        AccessRequest last = t.store().find(id).orElseThrow();
        Statistics.label("stored state").collect(last.state());
        Statistics.label("certificates issued").collect(!last.certificateSerials().isEmpty());
        // guards the property itself: it must see requests approved and certificates recorded
        Statistics.label("certificates issued").coverage(c -> c.check(true).count(n -> n >= 3));
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

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> reviewer = Arbitraries.frequency(Tuple.of(3, 2), Tuple.of(3, 3), Tuple.of(1, 4),
                Tuple.of(1, 0), Tuple.of(1, 1));
        Arbitrary<Integer> requester = Arbitraries.frequency(Tuple.of(3, 0), Tuple.of(3, 1), Tuple.of(1, 2));
        Arbitrary<Verdict> verdict = Arbitraries.frequency(Tuple.of(4, Verdict.APPROVE), Tuple.of(1, Verdict.DENY));
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(5, Combinators.combine(reviewer, verdict).as(Review::new)),
                Tuple.of(1, requester.map(Withdraw::new)),
                Tuple.of(3, requester.map(Sign::new)),
                Tuple.of(1, Arbitraries.just(new Sweep())),
                Tuple.of(1, Arbitraries.integers().between(1, 90).map(m -> new Advance(Duration.ofMinutes(m)))));
        return step.list().ofMaxSize(12);
    }
}
