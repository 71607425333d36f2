package dev.airlock.core.testing;

import dev.airlock.core.port.RoleCatalog;
import dev.airlock.domain.role.RoleConfig;
import dev.airlock.domain.role.RoleFileParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * TEST ONLY: a {@link RoleCatalog} holding one configuration until the test {@link #replace}s it
 * (to see that a role change applies to the next call).
 */
public final class FixedRoleCatalog implements RoleCatalog {

    /** The test role file on the class path (see {@link #demo()}). */
    public static final String DEMO_RESOURCE = "/dev/airlock/core/testing/demo-roles.yaml";

    private volatile RoleConfig config;

    public FixedRoleCatalog(RoleConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A catalog with the roles of a role file's text. */
    public static FixedRoleCatalog of(String yaml) {
        return new FixedRoleCatalog(RoleFileParser.parse(yaml, "test roles"));
    }

    /**
     * The demo policy (Teleport's example, as in {@code localstack/config}): group {@code contractors}
     * → role {@code contractor}, which may request {@code dba}, {@code cluster-a}, {@code sudo-admin}
     * with a reason; group {@code dba-reviewers} → {@code dba-reviewer}, which reviews all three.
     * Extra roles for tests: {@code interns} → {@code intern}, who may request {@code dba} and needs two
     * approvals; {@code cluster-reviewers} → {@code cluster-reviewer}, who reviews {@code cluster-a}
     * only. {@link TestIdentities} has users in these groups.
     */
    public static FixedRoleCatalog demo() {
        return of(demoYaml());
    }

    /** The text of the demo role file. */
    public static String demoYaml() {
        try (InputStream in = FixedRoleCatalog.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DEMO_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public RoleConfig current() {
        return config;
    }

    public void replace(RoleConfig newConfig) {
        this.config = Objects.requireNonNull(newConfig, "newConfig");
    }
}
