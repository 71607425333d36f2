package dev.airlock.infra.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What to deploy where, for an AWS emulator (LocalStack, Floci) on {@code endpoint}.
 *
 * @param endpoint     the emulator's single endpoint, e.g. {@code http://localhost:4566}
 * @param region       the region to deploy in
 * @param stackName    the CloudFormation stack name
 * @param lambdaZip    the Lambda package to upload
 * @param bucket       the bucket that receives the package (created if missing)
 * @param jwtIssuer    value of the {@code JwtIssuer} parameter
 * @param jwtAudience  value of the {@code JwtAudience} parameter
 * @param extraContext further CDK context (e.g. {@code caKeySpec})
 */
public record LocalDeployment(URI endpoint, String region, String stackName, Path lambdaZip, String bucket,
                              String jwtIssuer, String jwtAudience, Map<String, Object> extraContext) {

    public static final String DEFAULT_ENDPOINT = "http://localhost:4566";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_BUCKET = "airlock-deploy";

    public LocalDeployment {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(lambdaZip, "lambdaZip");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(jwtIssuer, "jwtIssuer");
        Objects.requireNonNull(jwtAudience, "jwtAudience");
        extraContext = Map.copyOf(extraContext);
    }

    /**
     * The URL under which the emulator serves the HTTP API. LocalStack and Floci both route the
     * virtual host {@code <apiId>.execute-api.localhost.localstack.cloud} (public DNS resolves
     * it to 127.0.0.1) on their own port; the AWS-style URL in the stack output does not resolve.
     */
    public URI localApiUrl(String apiId) {
        int port = endpoint.getPort() == -1 ? 4566 : endpoint.getPort();
        return URI.create("http://" + apiHost(apiId) + ":" + port + "/");
    }

    /** The virtual host name of the API on the emulator (send it as {@code Host} to reach the API by IP). */
    public static String apiHost(String apiId) {
        return apiId + ".execute-api.localhost.localstack.cloud";
    }
}
