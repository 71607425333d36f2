package dev.airlock.infra;

import software.amazon.awscdk.CfnParameter;
import software.constructs.Construct;

import java.util.regex.Pattern;

/**
 * The break-glass administrator: the one IAM role, named by the {@value #PARAMETER} stack
 * parameter, that may change the CA key's policy (and schedule the key's deletion), manage the
 * tables' protections (resource policies, deletion protection, point-in-time recovery, TTL) and
 * write the tables outside the functions ({@code AdminMain apply-roles}). Everything else is
 * denied to it like to anyone, in particular {@code kms:Sign}.
 *
 * <p>It is a role, not the account: a key-policy statement for the account root would let any
 * IAM policy in the account delegate the action (KMS developer guide, "Default key policy"). The
 * policies name it in an {@code aws:PrincipalArn} condition rather than as principal, so the
 * statements survive the role being recreated under the same name (a principal is pinned to the
 * role's unique id).
 */
public final class KeyAdministrator {

    public static final String PARAMETER = "KeyAdministratorRoleArn";
    /** An IAM role ARN in any partition, with an optional path; no wildcards, users or the root. */
    public static final String ROLE_ARN_PATTERN = "^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$";
    private static final Pattern ROLE_ARN = Pattern.compile(ROLE_ARN_PATTERN);

    private KeyAdministrator() {
    }

    /**
     * Declares the parameter in {@code scope}'s stack and returns its value (a token). Its default
     * comes from the {@code keyAdministratorRoleArn} context, if given; otherwise every deployment
     * must name the role.
     */
    public static String parameter(Construct scope, StackConfig config) {
        CfnParameter.Builder parameter = CfnParameter.Builder.create(scope, PARAMETER).type("String")
                .allowedPattern(ROLE_ARN_PATTERN)
                .constraintDescription("an IAM role ARN, e.g. arn:aws:iam::123456789012:role/airlock-key-admin")
                .description("Break-glass administrator role (in this account): the only principal that may change "
                        + "the CA key policy, the tables' resource policies and protections, or apply role files");
        config.keyAdministratorRoleArn().ifPresent(parameter::defaultValue);
        return parameter.build().getValueAsString();
    }

    /** Fails unless {@code arn} is a role ARN the parameter would accept. */
    static String requireRoleArn(String key, String arn) {
        if (!ROLE_ARN.matcher(arn).matches()) {
            throw new IllegalArgumentException("context " + key + "=" + arn
                    + " is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
        }
        return arn;
    }
}
