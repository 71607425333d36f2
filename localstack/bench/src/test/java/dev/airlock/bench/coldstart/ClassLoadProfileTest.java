package dev.airlock.bench.coldstart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClassLoadProfileTest {

    @Test
    void of_shouldCountClassesPerLibraryAndFindTheMilestones(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("classes.log");
        Files.writeString(log, String.join("\n",
                "[0.052s] opened: /var/task/lib/sdk-core-2.57.8.jar",
                "[0.061s] java.lang.Object source: shared objects file",
                "[0.300s] org.springframework.boot.SpringApplication source: file:/var/task/lib/spring-boot.jar",
                "[0.410s] dev.airlock.app.AirlockApplication source: file:/var/task/lib/app.jar",
                "[0.900s] software.amazon.awssdk.regions.Region source: file:/var/task/lib/regions.jar",
                "[0.950s] software.amazon.awssdk.core.SdkBytes source: file:/var/task/lib/sdk-core.jar",
                "[1.200s] org.bouncycastle.crypto.Digest source: file:/var/task/lib/app.jar",
                "[1.300s] org.snakeyaml.engine.v2.api.Load source: file:/var/task/lib/snakeyaml-engine.jar",
                "[1.500s] com.example.Else source: file:/var/task/lib/else.jar", ""));

        Map<String, Object> profile = ClassLoadProfile.of(log, "dev.airlock.app.AirlockApplication");

        assertThat(profile.get("classesByLibrary")).isEqualTo(Map.of("jdk", 1, "spring", 1, "jackson", 0,
                "awsSdk", 2, "lambdaEvents", 0, "bouncyCastle", 1, "airlock", 1, "logging", 0, "yaml", 1, "other", 1));
        assertThat(profile).containsEntry("applicationClassAtMs", 410L).containsEntry("firstAwsSdkClassAtMs", 900L)
                .containsEntry("lastClassAtMs", 1500L);
    }
}
