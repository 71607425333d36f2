package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Keys and aliases in a data directory survive a new KmsService; a write is all or nothing. */
class KmsServicePersistenceTest {

    @TempDir
    Path directory;

    @Test
    void keysAliasesAndStates_surviveARestart_andTheKeysStillSign() throws Exception {
        KmsCalls before = new KmsCalls(new KmsService(Optional.of(directory)));
        String ec = before.createKey("ECC_NIST_P256");
        String ed = before.createKey("ECC_NIST_EDWARDS25519");
        String rsa = before.createKey("RSA_2048");
        before.call("CreateAlias", "{\"AliasName\":\"alias/ca\",\"TargetKeyId\":\"" + ed + "\"}");
        before.call("DisableKey", "{\"KeyId\":\"" + rsa + "\"}");
        before.call("ScheduleKeyDeletion", "{\"KeyId\":\"" + ec + "\",\"PendingWindowInDays\":10}");
        JsonNode describedBefore = before.call("DescribeKey", "{\"KeyId\":\"" + ec + "\"}").get("KeyMetadata");
        byte[] publicKeyBefore = before.publicKey(ed);

        KmsCalls after = new KmsCalls(new KmsService(Optional.of(directory)));
        byte[] message = "after restart".getBytes(StandardCharsets.UTF_8);
        byte[] signature = after.sign("alias/ca", message, "RAW", "ED25519_SHA_512");

        assertThat(after.call("DescribeKey", "{\"KeyId\":\"" + ec + "\"}").get("KeyMetadata")).isEqualTo(describedBefore);
        assertThat(after.publicKey(ed)).isEqualTo(publicKeyBefore);
        assertThat(JcaVerifier.verify(publicKeyBefore, "ED25519_SHA_512", message, signature)).isTrue();
        assertThat(after.error("Sign", after.signRequest(rsa, message, "RAW", "RSASSA_PSS_SHA_256")).type())
                .isEqualTo("DisabledException");
        assertThat(after.call("ListKeys", "{}").get("Keys")).hasSize(3);
        assertThat(after.call("ListAliases", "{}").get("Aliases").get(0).get("TargetKeyId").stringValue()).isEqualTo(ed);
    }

    @Test
    void aRejectedChange_leavesTheStoredStateUntouched() throws Exception {
        KmsCalls kms = new KmsCalls(new KmsService(Optional.of(directory)));
        String keyId = kms.createKey("ECC_NIST_P256");
        kms.call("CreateAlias", "{\"AliasName\":\"alias/a\",\"TargetKeyId\":\"" + keyId + "\"}");
        byte[] stored = Files.readAllBytes(directory.resolve(KmsStateFile.FILE_NAME));

        AwsServiceException thrown = kms.error("CreateAlias", "{\"AliasName\":\"alias/a\",\"TargetKeyId\":\"" + keyId + "\"}");

        assertThat(thrown.type()).isEqualTo("AlreadyExistsException");
        assertThat(Files.readAllBytes(directory.resolve(KmsStateFile.FILE_NAME))).isEqualTo(stored);
    }

    @Test
    void temporaryFilesOfAnInterruptedWrite_areIgnoredAndRemoved() throws Exception {
        KmsCalls kms = new KmsCalls(new KmsService(Optional.of(directory)));
        String keyId = kms.createKey("ECC_NIST_P256");
        // What a crash between writing the temporary file and renaming it leaves behind: half a document.
        Path leftover = directory.resolve(KmsStateFile.FILE_NAME + ".12345.tmp");
        Files.writeString(leftover, "{\"format\":\"airlock-kms/1\",\"keys\":[{\"KeyId\":");

        KmsCalls restarted = new KmsCalls(new KmsService(Optional.of(directory)));

        assertThat(restarted.call("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}").get("KeyMetadata")).isNotNull();
        assertThat(leftover).doesNotExist();
        try (var files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(KmsStateFile.FILE_NAME);
        }
    }

    @Test
    void aCorruptStateFile_failsTheStart_withAClearMessage() throws Exception {
        Files.writeString(directory.resolve(KmsStateFile.FILE_NAME), "{\"format\":\"airlock-kms/1\",\"keys\":[{}]}");

        assertThatThrownBy(() -> new KmsService(Optional.of(directory), "us-east-1", Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(KmsStateFile.FILE_NAME)
                .hasMessageContaining("not readable");
    }

    @Test
    void theStateFile_isReadableByItsOwnerOnly() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        new KmsCalls(new KmsService(Optional.of(directory))).createKey("ECC_NIST_P256");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(KmsStateFile.FILE_NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    void withoutADataDirectory_nothingIsWritten() throws Exception {
        new KmsCalls(new KmsService(Optional.empty())).createKey("ECC_NIST_P256");

        try (var files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }
}
