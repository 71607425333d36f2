package dev.airlock.local.cli;

import dev.airlock.ssh.testing.SshKeygen;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the CLI's {@code valid until …} against the certificate it wrote, never against the wall
 * clock. The CLI prints {@code HH:MM UTC} when the certificate expires on the day it ran and
 * {@code YYYY-MM-DD HH:MM UTC} otherwise (docs/CLI.md), so a certificate that crosses midnight UTC
 * gets the long form: a regex for the short form alone failed every evening (issue #12).
 */
final class ValidUntil {

    /** The CLI's text: an optional date, then hours and minutes. */
    static final Pattern PRINTED = Pattern.compile("valid until (?:(\\d{4}-\\d{2}-\\d{2}) )?(\\d{2}:\\d{2}) UTC\\)");
    /** {@code ssh-keygen -L} under {@code TZ=UTC}: {@code Valid: from <t> to 2026-12-06T00:33:12}. */
    private static final Pattern LISTED = Pattern.compile("Valid: from \\S+ to (\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2}):\\d{2}");

    private ValidUntil() {
    }

    /**
     * Asserts that {@code output} says the certificate in {@code certificate} is valid until its real
     * valid-before, to the minute, with the date exactly when the CLI must print one.
     *
     * @param firstDay the UTC day before the CLI started, {@code lastDay} the day after it finished:
     *                 when both are the expiry day the short form is required, when neither is, the
     *                 long form; in between (the run crossed midnight) either form with the right values
     */
    static void assertPrinted(String output, Path certificate, LocalDate firstDay, LocalDate lastDay) {
        Matcher printed = PRINTED.matcher(output);
        assertThat(printed.find()).as("a 'valid until' in %s", output).isTrue();
        String listed = SshKeygen.list(certificate).requireSuccess("ssh-keygen -L").stdout();
        Matcher valid = LISTED.matcher(listed);
        assertThat(valid.find()).as("a validity in %s", listed).isTrue();
        LocalDate expiryDay = LocalDate.parse(valid.group(1));

        assertThat(printed.group(2)).as("time of day").isEqualTo(valid.group(2));
        if (firstDay.equals(expiryDay) && lastDay.equals(expiryDay)) {
            assertThat(printed.group(1)).as("no date for a certificate that expires today").isNull();
        } else if (!firstDay.equals(expiryDay) && !lastDay.equals(expiryDay)) {
            assertThat(printed.group(1)).as("the date of a certificate that expires another day").isEqualTo(valid.group(1));
        } else if (printed.group(1) != null) {
            assertThat(printed.group(1)).isEqualTo(valid.group(1));
        }
    }

    /** Today in UTC, to bracket a CLI run for {@link #assertPrinted}. */
    static LocalDate todayUtc() {
        return LocalDate.now(java.time.ZoneOffset.UTC);
    }
}
