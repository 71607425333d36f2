package dev.airlock.infra.local;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.infra.AirlockApp;
import dev.airlock.infra.AirlockStack;
import dev.airlock.infra.KeyAdministrator;
import dev.airlock.infra.StackConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;

/**
 * Deploys the real stack into an AWS emulator without the CDK CLI: an emulator has no CDK bootstrap
 * stack, so the Lambda package is uploaded to a plain bucket and the template is synthesized to
 * point at it ({@code codeBucket}/{@code codeKey} context), then created or updated through
 * CloudFormation on the same endpoint. Used by {@code scripts/deploy-localstack} and the
 * container test, so both deploy the same way.
 */
public final class LocalDeployer {

    /** CloudFormation's limit for an inline TemplateBody; larger templates go through S3. */
    static final int MAX_TEMPLATE_BODY_BYTES = 51_200;
    /**
     * The {@code KeyAdministratorRoleArn} parameter on an emulator: a role in the emulators' fixed
     * account 000000000000. Emulators do not enforce key or table policies (docs/DEPLOY.md).
     */
    static final String EMULATOR_KEY_ADMINISTRATOR = "arn:aws:iam::000000000000:role/airlock-key-administrator";

    private final LocalDeployment deployment;
    private final S3Client s3;
    private final StackOperations stacks;

    public LocalDeployer(LocalDeployment deployment) {
        this.deployment = deployment;
        Region region = Region.of(deployment.region());
        AwsCredentialsProvider credentials = credentials();
        this.s3 = S3Client.builder().endpointOverride(deployment.endpoint()).region(region)
                .credentialsProvider(credentials).forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.stacks = new StackOperations(CloudFormationClient.builder().endpointOverride(deployment.endpoint())
                .region(region).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build());
    }

    /** Uploads, synthesizes and deploys; returns the stack outputs. */
    public Map<String, String> deploy(Path workDir) {
        ensureBucket();
        String codeKey = "lambda/airlock-functions-" + sha256(deployment.lambdaZip()).substring(0, 16) + ".zip";
        s3.putObject(b -> b.bucket(deployment.bucket()).key(codeKey), RequestBody.fromFile(deployment.lambdaZip()));
        String template = TemplateText.compact(synthesize(workDir, codeKey));
        StackOperations.TemplateSource source;
        if (template.getBytes(StandardCharsets.UTF_8).length <= MAX_TEMPLATE_BODY_BYTES) {
            source = StackOperations.TemplateSource.body(template);
        } else {
            String templateKey = "templates/" + deployment.stackName() + "-" + sha256(template) + ".json";
            s3.putObject(b -> b.bucket(deployment.bucket()).key(templateKey), RequestBody.fromString(template));
            // The virtual-hosted AWS form: both LocalStack and Floci map it to their own S3.
            source = StackOperations.TemplateSource.url(
                    "https://" + deployment.bucket() + ".s3.amazonaws.com/" + templateKey);
        }
        return stacks.deploy(deployment.stackName(), source, Map.of(
                AirlockStack.JWT_ISSUER_PARAM, deployment.jwtIssuer(),
                AirlockStack.JWT_AUDIENCE_PARAM, deployment.jwtAudience(),
                KeyAdministrator.PARAMETER, EMULATOR_KEY_ADMINISTRATOR));
    }

    private Path synthesize(Path workDir, String codeKey) {
        Map<String, Object> context = new HashMap<>(deployment.extraContext());
        context.put(StackConfig.CODE_BUCKET, deployment.bucket());
        context.put(StackConfig.CODE_KEY, codeKey);
        context.put(StackConfig.LAMBDA_ZIP, deployment.lambdaZip().toString());
        return AirlockApp.synthesize(context, workDir, deployment.stackName());
    }

    private void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(deployment.bucket()));
        } catch (NoSuchBucketException e) {
            createBucket();
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            createBucket();
        }
    }

    private void createBucket() {
        try {
            s3.createBucket(b -> b.bucket(deployment.bucket()));
        } catch (BucketAlreadyOwnedByYouException e) {
            // created concurrently: fine
        }
    }

    /** Emulators accept any credentials; use real ones only if the environment has them. */
    private static AwsCredentialsProvider credentials() {
        if (System.getenv(EnvironmentNames.ACCESS_KEY_ID) != null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
