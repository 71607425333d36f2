package dev.airlock.aws.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code AdminMain roles check FILE}: output and exit code, with no AWS endpoint anywhere. */
class RolesCheckCommandTest {

    private static final String GUIDE = """
            kind: role
            version: v7
            metadata: { name: editor-reviewer }
            spec:
              allow:
                review_requests: { roles: [editor] }
            ---
            kind: role
            version: v7
            metadata: { name: editor-requester }
            spec:
              allow:
                request:
                  roles: [editor]
                  thresholds: [{ approve: 1, deny: 1 }]
            ---
            kind: role
            version: v7
            metadata: { name: editor }
            spec:
              allow:
                logins: [editor]
                node_labels: { env: prod }
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AdminMain.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void rolesCheck_acceptedFile_printsEnforcedAndIgnoredPerRole_andExitsZero(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("editor.yaml"), GUIDE);

        int code = run("roles", "check", file.toString());

        assertThat(code).isEqualTo(AdminMain.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("""
                role editor-reviewer (v7)
                  enforced: spec.allow.review_requests.roles
                role editor-requester (v7)
                  enforced: spec.allow.request.roles, spec.allow.request.thresholds
                role editor (v7)
                  enforced: spec.allow.logins
                  ignored:  spec.allow.node_labels - governs Teleport resources Airlock does not front""")
                .endsWith("editor.yaml: ok, 3 documents\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void rolesCheck_refusedField_isNamed_andExitsThree(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("where.yaml"),
                GUIDE.replace("review_requests: { roles: [editor] }",
                        "review_requests: { roles: [editor], where: 'true' }"));

        int code = run("roles", "check", file.toString());

        assertThat(code).isEqualTo(AdminMain.INVALID_INPUT);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "refused: where.yaml: document 1 (role 'editor-reviewer'): spec.allow.review_requests.where: "
                        + "not supported by Airlock",
                "where.yaml: 1 refused, nothing would be applied");
    }

    @Test
    void rolesCheck_missingFileOrSubcommand_failsClearly(@TempDir Path dir) {
        assertThat(run("roles", "check", dir.resolve("absent.yaml").toString())).isEqualTo(AdminMain.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read");
        assertThat(run("roles", "lint", "x.yaml")).isEqualTo(AdminMain.USAGE);
        assertThat(run("roles", "check")).isEqualTo(AdminMain.USAGE);
    }
}
