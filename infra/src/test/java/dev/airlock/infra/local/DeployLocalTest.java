package dev.airlock.infra.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployLocalTest {

    @TempDir
    Path dir;

    @Test
    void optionsWinOverTheEnvironment() throws IOException {
        Path zip = Files.writeString(dir.resolve("f.zip"), "x");
        LocalDeployment deployment = DeployLocal.deployment(DeployLocal.parse(new String[] {
                "--endpoint", "http://127.0.0.1:4999", "--lambda-zip", zip.toString(), "--issuer", "https://idp/",
                "-c", "caKeySpec=RSA_3072"}), Map.of("AWS_ENDPOINT_URL", "http://elsewhere:1", "AWS_REGION", "eu-west-1")::get);
        assertThat(deployment.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4999"));
        assertThat(deployment.region()).isEqualTo("eu-west-1");
        assertThat(deployment.jwtIssuer()).isEqualTo("https://idp/");
        assertThat(deployment.jwtAudience()).isEqualTo("airlock");
        assertThat(deployment.extraContext()).containsEntry("caKeySpec", "RSA_3072");
    }

    @Test
    void environmentAndDefaultsFillTheRest() throws IOException {
        Path zip = Files.writeString(dir.resolve("f.zip"), "x");
        LocalDeployment deployment = DeployLocal.deployment(DeployLocal.parse(new String[] {"--lambda-zip", zip.toString()}),
                Map.of("AWS_ENDPOINT_URL", "http://localhost:4510", "AIRLOCK_JWT_AUDIENCE", "cli")::get);
        assertThat(deployment.endpoint()).isEqualTo(URI.create("http://localhost:4510"));
        assertThat(deployment.region()).isEqualTo("us-east-1");
        assertThat(deployment.stackName()).isEqualTo("Airlock");
        assertThat(deployment.jwtIssuer()).isEqualTo(DeployLocal.PLACEHOLDER_ISSUER);
        assertThat(deployment.jwtAudience()).isEqualTo("cli");
        assertThat(deployment.localApiUrl("abc123"))
                .isEqualTo(URI.create("http://abc123.execute-api.localhost.localstack.cloud:4510/"));
    }

    @Test
    void missingPackageAndBadArgumentsAreExplained() {
        assertThatThrownBy(() -> DeployLocal.deployment(DeployLocal.parse(new String[] {"--lambda-zip", "/no/such.zip"}),
                Map.<String, String>of()::get)).hasMessageContaining("/no/such.zip").hasMessageContaining("mvn");
        assertThatThrownBy(() -> DeployLocal.parse(new String[] {"--endpoint"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> DeployLocal.parse(new String[] {"--nope", "x"})).hasMessageContaining("--nope");
        assertThat(DeployLocal.parse(new String[] {"--help"})).containsKey("help");
    }

    @Test
    void endpointThatIsDownFailsWithAClientError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path zip = Files.writeString(dir.resolve("f.zip"), "x");
        LocalDeployment deployment = new LocalDeployment(URI.create("http://127.0.0.1:" + closedPort), "us-east-1",
                "Airlock", zip, "b", "https://idp/", "a", Map.of());
        assertThatThrownBy(() -> new LocalDeployer(deployment).deploy(dir)).isInstanceOf(SdkClientException.class);
    }

    @Test
    void templateIsCompacted() {
        assertThat(TemplateText.compact("{\n  \"a\" : [ 1, 2 ],\n  \"b\" : \"x y\"\n}")).isEqualTo("{\"a\":[1,2],\"b\":\"x y\"}");
    }
}
