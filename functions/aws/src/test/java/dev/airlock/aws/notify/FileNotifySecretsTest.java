package dev.airlock.aws.notify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileNotifySecretsTest {

    @TempDir
    Path dir;

    private Path file(String text, String mode) throws IOException {
        Path file = dir.resolve("secrets.json");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void value_shouldReadAnOwnerOnlyFile() throws IOException {
        FileNotifySecrets secrets = new FileNotifySecrets(file("{\"a\": \"test-only-value\"}", "rw-------"));

        assertThat(secrets.value("a")).contains("test-only-value");
        assertThat(secrets.value("b")).isEmpty();
    }

    @Test
    void value_shouldRefuseAFileOthersCanRead() throws IOException {
        FileNotifySecrets secrets = new FileNotifySecrets(file("{\"a\": \"test-only-value\"}", "rw-r--r--"));

        assertThatThrownBy(() -> secrets.value("a")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chmod 600");
    }

    @Test
    void value_shouldRefuseTextThatIsNotAnObjectOfStrings_withoutQuotingIt() throws IOException {
        FileNotifySecrets notJson = new FileNotifySecrets(file("https://test-only-secret-url", "rw-------"));

        assertThatThrownBy(() -> notJson.value("a")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a JSON object").hasMessageNotContaining("test-only-secret-url");
        FileNotifySecrets number = new FileNotifySecrets(file("{\"a\": 1}", "rw-------"));
        assertThatThrownBy(() -> number.value("a")).hasMessageContaining("'a' is not a string");
    }
}
