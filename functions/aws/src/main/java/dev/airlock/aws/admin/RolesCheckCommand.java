package dev.airlock.aws.admin;

import dev.airlock.domain.role.RoleFileChecker;
import dev.airlock.domain.role.RoleFileReport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code roles check FILE}: prints, per role, what Airlock enforces and what it ignores, and every
 * refusal ({@link RoleFileChecker}); exits {@value AdminMain#INVALID_INPUT} when anything is refused or
 * the file cannot be read, {@value AdminMain#OK} otherwise. Reads no table: it needs no AWS access.
 */
final class RolesCheckCommand {

    private RolesCheckCommand() {
    }

    static int run(Path file, PrintStream out, PrintStream err) {
        Optional<String> yaml = RoleFileText.read(file, err);
        if (yaml.isEmpty()) {
            return AdminMain.INVALID_INPUT;
        }
        RoleFileReport report = RoleFileChecker.check(yaml.get(), String.valueOf(file.getFileName()));
        out.print(report.render());
        return report.refused() ? AdminMain.INVALID_INPUT : AdminMain.OK;
    }
}
