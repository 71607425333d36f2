package dev.airlock.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConfigTest {

    @Test
    void defaultsApplyWhenContextIsEmpty() {
        StackConfig config = StackConfig.from(new App().getNode());
        assertThat(config.lambdaZip()).isEqualTo(Path.of(StackConfig.DEFAULT_LAMBDA_ZIP));
        assertThat(config.codeLocation()).isEmpty();
        assertThat(config.caKeySpec()).isEqualTo("ECC_NIST_P256");
        assertThat(config.memoryMb()).isEqualTo(1024);
        assertThat(config.jwtIssuer()).isEmpty();
        assertThat(config.userClaim()).isEqualTo("sub");
        assertThat(config.groupsClaim()).isEqualTo("groups");
    }

    @Test
    void contextOverridesDefaults() {
        StackConfig config = StackConfig.from(SynthesizedStack.app(Map.of(
                StackConfig.MEMORY_MB, "2048", StackConfig.CA_KEY_SPEC, "ECC_NIST_EDWARDS25519",
                StackConfig.CODE_BUCKET, "b", StackConfig.CODE_KEY, "k.zip", StackConfig.GROUPS_CLAIM, "cognito:groups"))
                .getNode());
        assertThat(config.memoryMb()).isEqualTo(2048);
        assertThat(config.caKeySpec()).isEqualTo("ECC_NIST_EDWARDS25519");
        assertThat(config.codeLocation()).isEqualTo(Optional.of(new StackConfig.CodeLocation("b", "k.zip")));
        assertThat(config.groupsClaim()).isEqualTo("cognito:groups");
        assertThat(config.jwtIssuer()).contains(SynthesizedStack.ISSUER);
    }

    @Test
    void numbersFromCdkJsonArriveAsDoubles() {
        StackConfig config = StackConfig.from(SynthesizedStack.app(Map.of(StackConfig.TIMEOUT_SECONDS, 20.0)).getNode());
        assertThat(config.timeoutSeconds()).isEqualTo(20);
    }

    @Test
    void badValuesFailWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> StackConfig.from(SynthesizedStack.app(Map.of(StackConfig.MEMORY_MB, "64")).getNode()))
                .hasMessageContaining("memoryMb=64");
        assertThatThrownBy(() -> StackConfig.from(SynthesizedStack.app(Map.of(StackConfig.MEMORY_MB, "lots")).getNode()))
                .hasMessageContaining("memoryMb=lots");
        assertThatThrownBy(() -> StackConfig.from(SynthesizedStack.app(Map.of(StackConfig.CODE_BUCKET, "b")).getNode()))
                .hasMessageContaining("codeBucket and codeKey");
        for (String notARole : new String[] {"arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:user/alice", "*"}) {
            assertThatThrownBy(() -> StackConfig.from(SynthesizedStack.app(
                    Map.of(StackConfig.KEY_ADMINISTRATOR_ROLE_ARN, notARole)).getNode()))
                    .hasMessageContaining("keyAdministratorRoleArn=" + notARole).hasMessageContaining("role ARN");
        }
    }
}
