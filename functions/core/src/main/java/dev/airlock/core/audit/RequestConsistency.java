package dev.airlock.core.audit;

import dev.airlock.core.audit.AuditBreak.Kind;
import dev.airlock.core.audit.ReplayedRequest.ReplayedReview;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.Review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares a request item with the state its chain replays to ({@link RequestReplay}): who asked for
 * which roles, the state, the reviews, the access window and the certificate serials. The verifier
 * runs it over every request.
 */
public final class RequestConsistency {

    private RequestConsistency() {
    }

    /** The breaks of the replay itself, then every difference between the item and the replayed state. */
    public static List<AuditBreak> compare(String chain, AccessRequest item, ReplayedRequest replayed) {
        List<AuditBreak> breaks = new ArrayList<>(replayed.breaks());
        if (replayed.user().filter(u -> !u.equals(item.user())).isPresent()
                || replayed.roles().filter(r -> !Set.copyOf(r).equals(Set.copyOf(item.roles()))).isPresent()) {
            breaks.add(new AuditBreak(chain, 1, Kind.REQUEST_MISMATCH,
                    "the request's user or roles are not the ones request.created names"));
        }
        if (item.state() != replayed.state()) {
            breaks.add(new AuditBreak(chain, 0, Kind.UNJUSTIFIED_STATE, "the request is " + item.state()
                    + " but its records lead to " + replayed.state()));
        }
        if (!sameReviews(item.reviews(), replayed.reviews())) {
            breaks.add(new AuditBreak(chain, 0, Kind.REVIEW_MISMATCH, "the request lists " + item.reviews().size()
                    + " review(s) that are not the " + replayed.reviews().size() + " its records name"));
        }
        if (!item.accessExpiresAt().equals(replayed.accessExpiresAt())
                || replayed.pendingExpiresAt().filter(p -> !p.equals(item.pendingExpiresAt())).isPresent()) {
            breaks.add(new AuditBreak(chain, 0, Kind.WINDOW_MISMATCH,
                    "the request's expiry times are not the ones its records name"));
        }
        breaks.addAll(serials(chain, item.certificateSerials(), replayed.serials()));
        return breaks;
    }

    private static boolean sameReviews(List<Review> stored, List<ReplayedReview> recorded) {
        if (stored.size() != recorded.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            Review review = stored.get(i);
            ReplayedReview record = recorded.get(i);
            if (!review.reviewer().equals(record.reviewer()) || review.verdict() != record.verdict()
                    || record.reason().filter(r -> !r.equals(review.reason())).isPresent()) {
                return false;
            }
        }
        return true;
    }

    private static List<AuditBreak> serials(String chain, List<String> stored, List<String> recorded) {
        List<AuditBreak> breaks = new ArrayList<>();
        Set<String> onItem = new LinkedHashSet<>(stored);
        Set<String> inRecords = new LinkedHashSet<>(recorded);
        onItem.stream().filter(s -> !inRecords.contains(s)).forEach(s -> breaks.add(new AuditBreak(chain, 0,
                Kind.SERIAL_WITHOUT_RECORD, "the request lists certificate " + s + " but no record issued it")));
        inRecords.stream().filter(s -> !onItem.contains(s)).forEach(s -> breaks.add(new AuditBreak(chain, 0,
                Kind.RECORD_WITHOUT_SERIAL, "a record issued certificate " + s + " but the request does not list it")));
        return breaks;
    }
}
