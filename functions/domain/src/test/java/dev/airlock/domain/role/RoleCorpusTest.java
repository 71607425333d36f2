package dev.airlock.domain.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.domain.RoleFixtures;
import dev.airlock.domain.error.InvalidRequestException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus: role files modelled on Teleport's access-request, role and OIDC connector documentation,
 * each with the outcome Airlock promises in its header comment:
 * <pre>
 * # outcome: enforced | ignored | refused
 * # enforced: NAME PATH     (this field of this document is enforced; optional, repeatable)
 * # ignored: NAME PATH      (the complete list of ignored fields, for outcome ignored)
 * # refused: MESSAGE        (the complete list of refusal messages, exactly, for outcome refused)
 * </pre>
 */
class RoleCorpusTest {

    record Expectation(String file, String outcome, List<String> enforced, List<String> ignored,
                       List<String> refused) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expectation> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(RoleCorpusTest.class.getResource("/roles/corpus").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                    .map(RoleCorpusTest::expectation).toList().stream();
        }
    }

    private static Expectation expectation(String file) {
        String outcome = null;
        List<String> enforced = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String line : RoleFixtures.text("corpus/" + file).lines().toList()) {
            if (!line.startsWith("# ")) {
                continue;
            }
            String body = line.substring(2);
            if (body.startsWith("outcome: ")) {
                outcome = body.substring("outcome: ".length());
            } else if (body.startsWith("enforced: ")) {
                enforced.add(body.substring("enforced: ".length()));
            } else if (body.startsWith("ignored: ")) {
                ignored.add(body.substring("ignored: ".length()));
            } else if (body.startsWith("refused: ")) {
                refused.add(body.substring("refused: ".length()));
            }
        }
        assertThat(outcome).as(file + " states its outcome").isIn("enforced", "ignored", "refused");
        return new Expectation(file, outcome, enforced, ignored, refused);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusFile_hasThePromisedOutcome(Expectation expected) {
        String yaml = RoleFixtures.text("corpus/" + expected.file());

        RoleFileReport report = RoleFileChecker.check(yaml, expected.file());

        assertThat(report.refusals()).containsExactlyElementsOf(expected.refused());
        List<String> ignored = report.documents().stream()
                .flatMap(d -> d.ignored().stream().map(i -> d.name() + " " + i.field())).toList();
        List<String> enforced = report.documents().stream()
                .flatMap(d -> d.enforced().stream().map(f -> d.name() + " " + f)).toList();
        assertThat(ignored).containsExactlyInAnyOrderElementsOf(expected.ignored());
        assertThat(enforced).containsAll(expected.enforced());
        switch (expected.outcome()) {
            case "refused" -> assertThatThrownBy(() -> RoleFileParser.parse(yaml, expected.file()))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage(expected.refused().get(0));
            case "ignored" -> {
                assertThat(ignored).isNotEmpty();
                assertThat(RoleFileParser.parse(yaml, expected.file()).roles().size()).isPositive();
            }
            default -> {
                assertThat(ignored).isEmpty();
                assertThat(RoleFileParser.parse(yaml, expected.file()).roles().size()).isPositive();
            }
        }
    }

    @Test
    void corpus_coversEveryOutcome() throws Exception {
        assertThat(corpus().map(Expectation::outcome).distinct()).contains("enforced", "ignored", "refused");
    }
}
