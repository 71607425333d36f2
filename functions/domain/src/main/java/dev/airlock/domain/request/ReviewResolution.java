package dev.airlock.domain.request;

import dev.airlock.domain.role.Threshold;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the state reviews resolve a pending request to (docs/ARCHITECTURE.md "Domain"; Teleport's
 * review-based resolution without filters): for each requested role, its thresholds combine with OR;
 * the request is DENIED as soon as any threshold's deny count is met for any role (deny wins), APPROVED
 * once some threshold's approve count is met for every role, and PENDING otherwise.
 *
 * <p>Only one review per reviewer counts (the first), and the requester's own reviews never count, so
 * the two-person rule holds even if a self-review slipped into the list.
 */
public final class ReviewResolution {

    private ReviewResolution() {
    }

    /** The state these reviews resolve the request to: APPROVED, DENIED or PENDING. */
    public static RequestState resolve(
            String requester, List<String> roles, Map<String, List<Threshold>> thresholdsByRole, List<Review> reviews) {
        Map<String, Verdict> counted = countedVerdicts(requester, reviews);
        long approvals = counted.values().stream().filter(v -> v == Verdict.APPROVE).count();
        long denials = counted.size() - approvals;
        boolean allApproved = true;
        for (String role : roles) {
            List<Threshold> thresholds = thresholdsFor(role, thresholdsByRole);
            if (thresholds.stream().anyMatch(t -> denials >= t.deny())) {
                return RequestState.DENIED;
            }
            allApproved &= thresholds.stream().anyMatch(t -> approvals >= t.approve());
        }
        return allApproved && !roles.isEmpty() ? RequestState.APPROVED : RequestState.PENDING;
    }

    /**
     * The approvals that count toward the thresholds: the first verdict of each reviewer other than
     * the requester, when it approves (the count {@link #resolve} compares).
     */
    public static int approvalsGiven(String requester, List<Review> reviews) {
        return (int) countedVerdicts(requester, reviews).values().stream().filter(v -> v == Verdict.APPROVE).count();
    }

    /**
     * How many counted approvals APPROVE the request when no threshold's deny count is met: {@link #resolve}
     * approves once every role has some threshold met, so the answer is the largest, over the roles, of
     * each role's smallest {@code approve} count.
     */
    public static int approvalsRequired(List<String> roles, Map<String, List<Threshold>> thresholdsByRole) {
        return roles.stream()
                .mapToInt(role -> thresholdsFor(role, thresholdsByRole).stream().mapToInt(Threshold::approve).min()
                        .orElse(Threshold.DEFAULT.approve()))
                .max().orElse(Threshold.DEFAULT.approve());
    }

    /** The first verdict of each reviewer other than the requester, in review order. */
    static Map<String, Verdict> countedVerdicts(String requester, List<Review> reviews) {
        Map<String, Verdict> counted = new LinkedHashMap<>();
        for (Review review : reviews) {
            if (!review.reviewer().equals(requester)) {
                counted.putIfAbsent(review.reviewer(), review.verdict());
            }
        }
        return counted;
    }

    private static List<Threshold> thresholdsFor(String role, Map<String, List<Threshold>> thresholdsByRole) {
        List<Threshold> thresholds = thresholdsByRole.get(role);
        return thresholds == null || thresholds.isEmpty() ? List.of(Threshold.DEFAULT) : thresholds;
    }
}
