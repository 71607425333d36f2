package dev.airlock.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AirlockAppTest {

    @Test
    void argumentsAreParsed() {
        AirlockApp.Arguments args = AirlockApp.Arguments.parse(new String[] {
                "--out", "/tmp/x", "--stack-name", "AirlockDev", "-c", "memoryMb=2048", "--context", "jwtIssuer=https://a=b/"});
        assertThat(args.help()).isFalse();
        assertThat(args.outDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(args.stackName()).isEqualTo("AirlockDev");
        assertThat(args.context()).containsEntry("memoryMb", "2048").containsEntry("jwtIssuer", "https://a=b/");
    }

    @Test
    void defaultsAndHelp() {
        AirlockApp.Arguments none = AirlockApp.Arguments.parse(new String[0]);
        assertThat(none.outDir()).isEqualTo(Path.of("infra", "cdk.out"));
        assertThat(none.stackName()).isEqualTo("Airlock");
        assertThat(AirlockApp.Arguments.parse(new String[] {"--help"}).help()).isTrue();
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> AirlockApp.Arguments.parse(new String[] {"--frobnicate"}))
                .hasMessageContaining("--frobnicate");
        assertThatThrownBy(() -> AirlockApp.Arguments.parse(new String[] {"-c", "novalue"}))
                .hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> AirlockApp.Arguments.parse(new String[] {"--out"}))
                .hasMessageContaining("--out needs a value");
    }

    @Test
    void synthesisRaisesNoWarningsOrErrors() {
        Annotations annotations = Annotations.fromStack(SynthesizedStack.defaultStack());
        annotations.hasNoWarning("*", Match.anyValue());
        annotations.hasNoError("*", Match.anyValue());
    }

    @Test
    void missingLambdaPackageSaysHowToBuildIt() {
        App app = SynthesizedStack.app(Map.of(StackConfig.LAMBDA_ZIP, "/nonexistent/airlock.zip"));
        assertThatThrownBy(() -> AirlockApp.createStack(app, "Airlock"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/nonexistent/airlock.zip")
                .hasMessageContaining("mvn -B -q -pl functions/app -am package -DskipTests");
    }

    @Test
    void codeInABucketNeedsNoBootstrapAndNoAssets() {
        // The template scripts/deploy-localstack sends to an emulator, which has no CDK bootstrap stack.
        Template template = SynthesizedStack.synth(Map.of(
                StackConfig.LAMBDA_ZIP, "/nonexistent/not-needed.zip",
                StackConfig.CODE_BUCKET, "airlock-code", StackConfig.CODE_KEY, "lambda/abc.zip"));
        TemplateJson json = new TemplateJson(template);
        assertThat(json.section("Parameters")).doesNotContainKey("BootstrapVersion");
        assertThat(json.section("Rules")).isEmpty();
        assertThat(json.ofType("AWS::Lambda::Function").values()).hasSize(dev.airlock.core.api.Catalogue.names().size()).allSatisfy(f ->
                assertThat(f.get("Code")).isEqualTo(Map.of("S3Bucket", "airlock-code", "S3Key", "lambda/abc.zip")));
    }
}
