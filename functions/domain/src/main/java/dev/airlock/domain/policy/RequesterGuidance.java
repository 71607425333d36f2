package dev.airlock.domain.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a requester is shown about a request ({@link RequestPolicy#guidance}).
 *
 * @param requestPrompt      {@code options.request_prompt} of the requester's roles: what the reason should say
 * @param suggestedReviewers {@code allow.request.suggested_reviewers} of the roles that allow the request
 */
public record RequesterGuidance(Optional<String> requestPrompt, List<String> suggestedReviewers) {

    /** No prompt, no suggestions. */
    public static final RequesterGuidance NONE = new RequesterGuidance(Optional.empty(), List.of());

    public RequesterGuidance {
        Objects.requireNonNull(requestPrompt, "requestPrompt");
        suggestedReviewers = List.copyOf(suggestedReviewers);
    }
}
