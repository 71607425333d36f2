package dev.airlock.core.audit;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class AuditActionTest {

    @Test
    void of_shouldMapEveryWireTextBack() {
        Arrays.stream(AuditAction.values())
                .forEach(action -> assertThat(AuditAction.of(action.wire())).contains(action));
    }

    @Test
    void wireTexts_shouldStayAsStored() {
        // Stored records are hashed over this text: renaming one would break every existing chain.
        assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::wire)).contains(
                "request.created", "review.approved", "review.denied", "request.withdrawn",
                "request.expired", "request.revoked", "certificate.issued", "certificate.revoked", "roles.applied");
    }

    @Test
    void of_shouldBeEmptyForAnActionThisBuildDoesNotKnow() {
        assertThat(AuditAction.of("request.teleported")).isEmpty();
    }
}
