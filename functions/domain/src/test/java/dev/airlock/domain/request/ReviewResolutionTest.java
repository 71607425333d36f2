package dev.airlock.domain.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.domain.role.Threshold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven threshold resolution. Thresholds are written {@code role=approve/deny+approve/deny}
 * (entries joined by {@code +} are OR'd), roles separated by spaces; reviews are {@code name+} (approve)
 * or {@code name-} (deny). The requester is always alice.
 */
class ReviewResolutionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        no reviews                          | dba=1/1                 |                     | PENDING
        single role, default, approved      | dba=1/1                 | bob+                | APPROVED
        single role, default, denied        | dba=1/1                 | bob-                | DENIED
        two approvals needed, one given     | dba=2/1                 | bob+                | PENDING
        two approvals needed, two given     | dba=2/1                 | bob+ carol+         | APPROVED
        two of each, one of each            | dba=2/2                 | bob+ carol-         | PENDING
        two denials needed, two given       | dba=2/2                 | bob- carol-         | DENIED
        OR'd: the easier approval counts    | dba=3/2+1/2             | bob+                | APPROVED
        OR'd: the easier denial counts      | dba=1/3+5/1             | bob-                | DENIED
        OR'd: neither met                   | dba=3/3+2/2             | bob+ carol-         | PENDING
        multiple roles: one not yet met     | dba=1/1 cluster-a=2/1   | bob+                | PENDING
        multiple roles: all met             | dba=1/1 cluster-a=2/1   | bob+ carol+         | APPROVED
        multiple roles: any deny denies     | dba=2/2 cluster-a=2/1   | bob+ carol-         | DENIED
        deny wins when both are met         | dba=2/1                 | bob+ carol+ dave-   | DENIED
        requester's own approval ignored    | dba=1/1                 | alice+              | PENDING
        requester's own denial ignored      | dba=1/1                 | alice-              | PENDING
        requester does not make the second  | dba=2/1                 | bob+ alice+         | PENDING
        one reviewer counts once            | dba=2/1                 | bob+ bob+           | PENDING
        a reviewer's first verdict counts   | dba=1/1                 | bob+ bob-           | APPROVED
        """)
    void resolve(String description, String thresholds, String reviews, RequestState expected) {
        Map<String, List<Threshold>> byRole = thresholds(thresholds);

        RequestState actual = ReviewResolution.resolve(
                "alice", List.copyOf(byRole.keySet()), byRole, reviews(reviews));

        assertThat(actual).as(description).isEqualTo(expected);
    }

    /** The "n of m" the console shows: m is exactly the count at which approvals alone resolve the request. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        default, none yet                   | dba=1/1                 |                     | 0 | 1
        two needed, one given               | dba=2/1                 | bob+                | 1 | 2
        OR'd: the easier one is required    | dba=3/2+2/2             | bob+                | 1 | 2
        roles: the hardest role decides     | dba=1/1 cluster-a=3/1   | bob+ carol+         | 2 | 3
        the requester's approval not counted| dba=2/1                 | alice+ bob+         | 1 | 2
        a reviewer counts once              | dba=2/1                 | bob+ bob+           | 1 | 2
        denials are not approvals           | dba=2/3                 | bob+ carol-         | 1 | 2
        """)
    void approvalsGivenAndRequired(String description, String thresholds, String reviews, int given, int required) {
        Map<String, List<Threshold>> byRole = thresholds(thresholds);
        List<String> roles = List.copyOf(byRole.keySet());

        assertThat(ReviewResolution.approvalsGiven("alice", reviews(reviews))).as(description).isEqualTo(given);
        assertThat(ReviewResolution.approvalsRequired(roles, byRole)).as(description).isEqualTo(required);
        List<Review> justEnough = new ArrayList<>();
        for (int i = 0; i < required; i++) {
            justEnough.add(new Review("reviewer" + i, Verdict.APPROVE, "", Instant.parse("2026-01-01T00:00:00Z")));
        }
        assertThat(ReviewResolution.resolve("alice", roles, byRole, justEnough)).isEqualTo(RequestState.APPROVED);
        assertThat(ReviewResolution.resolve("alice", roles, byRole, justEnough.subList(0, required - 1)))
                .isEqualTo(RequestState.PENDING);
    }

    private static Map<String, List<Threshold>> thresholds(String spec) {
        Map<String, List<Threshold>> byRole = new TreeMap<>();
        for (String roleSpec : spec.trim().split("\\s+")) {
            String[] parts = roleSpec.split("=");
            List<Threshold> list = Arrays.stream(parts[1].split("\\+")).map(t -> {
                String[] counts = t.split("/");
                return new Threshold(Integer.parseInt(counts[0]), Integer.parseInt(counts[1]));
            }).toList();
            byRole.put(parts[0], list);
        }
        return byRole;
    }

    private static List<Review> reviews(String spec) {
        List<Review> reviews = new ArrayList<>();
        if (spec == null) {
            return reviews;
        }
        Instant at = RequestFixtures.T0;
        for (String r : spec.trim().split("\\s+")) {
            String name = r.substring(0, r.length() - 1);
            Verdict verdict = r.endsWith("+") ? Verdict.APPROVE : Verdict.DENY;
            at = at.plusSeconds(1);
            reviews.add(new Review(name, verdict, "", at));
        }
        return reviews;
    }
}
