package dev.airlock.aws.secrets;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.util.Objects;

/**
 * Reads a secret's text once ({@code secretsmanager:GetSecretValue}, AWS Secrets Manager API
 * reference), so a secret never has to sit in a function's environment or the template. Failures name
 * the secret and the service's error code, never a value.
 */
public final class SecretText {

    private SecretText() {
    }

    /**
     * The {@code SecretString} of the secret {@code secretId} (its ARN).
     *
     * @throws IllegalStateException when the secret cannot be read or holds no text
     */
    public static String read(SecretsManagerClient client, String secretId) {
        Objects.requireNonNull(secretId, "secretId");
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(request -> request.secretId(secretId));
        } catch (SecretsManagerException e) {
            String code = e.awsErrorDetails() == null ? "status " + e.statusCode() : e.awsErrorDetails().errorCode();
            throw new IllegalStateException("cannot read the secret " + secretId + ": " + code, e);
        } catch (SdkException e) {
            throw new IllegalStateException("cannot read the secret " + secretId + ": " + e.getClass().getSimpleName(), e);
        }
        if (response.secretString() == null) {
            throw new IllegalStateException("the secret " + secretId + " holds no text (SecretString)");
        }
        return response.secretString();
    }
}
