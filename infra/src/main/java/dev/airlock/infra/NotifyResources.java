package dev.airlock.infra;

import dev.airlock.core.config.EnvironmentNames;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * What the {@code notify} function needs beyond its event source ({@link StreamSource}): the Secrets
 * Manager secret of its webhook URLs and HMAC keys. The stack creates it holding an empty JSON object (no
 * secret is ever in the template); the operator puts the real value with
 * {@code aws secretsmanager put-secret-value} (docs/DEPLOY.md). The function is told the secret's ARN
 * ({@value EnvironmentNames#NOTIFY_SECRETS_ARN}), never its value.
 *
 * <p>The secret's resource policy denies {@code GetSecretValue} to every principal but the notify
 * function's role, and changing that policy to all but the {@link KeyAdministrator} role, whatever IAM
 * policies allow. Operators can still put a new value (that is how the secret is filled), not read one back.
 */
public final class NotifyResources extends Construct {

    /** An empty configuration: notify sends nothing until the operator fills it. */
    static final String INITIAL_VALUE = "{}";
    public static final List<String> POLICY_CHANGES =
            List.of("secretsmanager:PutResourcePolicy", "secretsmanager:DeleteResourcePolicy");
    private static final String PRINCIPAL_ARN = "aws:PrincipalArn";

    private final Secret secret;

    public NotifyResources(Construct scope, String id, AirlockFunction notify, String keyAdministratorArn) {
        super(scope, id);
        this.secret = Secret.Builder.create(this, "Secrets")
                .description("Airlock notify: webhook URLs and HMAC keys (JSON object; docs/DEPLOY.md)")
                .secretStringValue(SecretValue.unsafePlainText(INITIAL_VALUE))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        secret.addToResourcePolicy(deny("OnlyNotifyReads", List.of("secretsmanager:GetSecretValue"),
                notify.role().getRoleArn()));
        secret.addToResourcePolicy(deny("OnlyTheKeyAdministratorChangesThePolicy", POLICY_CHANGES, keyAdministratorArn));
        notify.function().addEnvironment(EnvironmentNames.NOTIFY_SECRETS_ARN, secret.getSecretArn());
    }

    public String secretArn() {
        return secret.getSecretArn();
    }

    private static PolicyStatement deny(String sid, List<String> actions, String exemptRoleArn) {
        return PolicyStatement.Builder.create().sid(sid).effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal())).actions(actions).resources(List.of("*"))
                .conditions(Map.of("ArnNotEquals", Map.of(PRINCIPAL_ARN, exemptRoleArn))).build();
    }
}
