package dev.airlock.core;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Comments cite files in the repository (docs/ARCHITECTURE.md), not design notes kept outside it. */
class CommentsCiteRepositoryFilesTest {

    private static final Pattern OUTSIDE = Pattern.compile("DESIGN\\.md|CONVENTIONS\\.md|FIELD-NOTES\\.md");

    @Test
    void noMainSourceCitesADesignFileOutsideTheRepository() {
        assertThat(SourceScan.find(OUTSIDE, Set.of())).isEmpty();
    }
}
