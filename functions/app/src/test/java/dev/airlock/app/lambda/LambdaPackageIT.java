package dev.airlock.app.lambda;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lambda package the CDK stack deploys: layout, handler, start class, and one HTTP client only. */
class LambdaPackageIT {

    /**
     * The project's target for the deployment zip (docs/PERFORMANCE.md): 20 MB until the {@code checkpoint}
     * function (issue 14) needed the S3 client to anchor checkpoints, 2.9 MB of the package.
     */
    private static final long TARGET_BYTES = 21_000_000L;

    /**
     * A regression guard: the package measures about 17.95 MB (jars stored inside, the zip deflating each
     * as one stream; see the pom; 0.6 MB of it Nimbus JOSE+JWT since the functions verify tokens
     * themselves, issue 12; 0.5 MB the Secrets Manager client, since {@code list} reads its cursor key at
     * start-up, issue 13; 2.9 MB the S3 client, since {@code checkpoint} puts each checkpoint into the
     * Object Lock bucket, issue 14: 20.82 MB now), so a new dependency of any size shows here, and
     * anything like Netty creeping back in (11+ MB) fails.
     */
    private static final long MAX_BYTES = 21_000_000L;

    private static Path zip;
    private static List<String> entries;

    @BeforeAll
    static void read() throws IOException {
        zip = Path.of(System.getProperty("airlock.lambdaZip"));
        try (ZipFile file = new ZipFile(zip.toFile())) {
            entries = Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    private static List<String> jars() {
        return entries.stream().filter(e -> e.startsWith("lib/") && e.endsWith(".jar"))
                .map(e -> e.substring("lib/".length())).toList();
    }

    @Test
    void package_shouldHoldOurClassesAtTheRootAndDependenciesUnderLib() {
        assertThat(jars()).anyMatch(j -> j.startsWith("spring-cloud-function-adapter-aws-"))
                .anyMatch(j -> j.startsWith("aws-lambda-java-core-"))
                .anyMatch(j -> j.matches("airlock-functions-.*-lambda\\.jar"));
        assertThat(entries).noneMatch(e -> e.startsWith("lib/") && !e.equals("lib/") && !e.endsWith(".jar"));
        // Our modules and the minimized libraries live in the one shaded jar only.
        assertThat(jars()).noneMatch(j -> j.startsWith("airlock-aws-") || j.startsWith("airlock-core-")
                || j.startsWith("bcprov") || j.startsWith("bcpkix") || j.startsWith("aws-lambda-java-events"));
    }

    @Test
    void shadedJar_shouldHoldTheStartClassConfigurationAndTheBouncyCastleClassesInUse() throws IOException {
        String shaded = entries.stream().filter(e -> e.matches("lib/airlock-functions-.*-lambda\\.jar"))
                .findFirst().orElseThrow();
        List<String> inside;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Path copy = Files.createTempFile("airlock-lambda", ".jar");
            try (var in = file.getInputStream(file.getEntry(shaded))) {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            try (ZipFile jar = new ZipFile(copy.toFile())) {
                inside = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
            }
            Files.delete(copy);
        }
        assertThat(inside).contains("dev/airlock/app/AirlockApplication.class",
                "dev/airlock/app/logging/QuietLoggersFilter.class", "logback.xml", "application.properties",
                "org/bouncycastle/crypto/util/OpenSSHPublicKeyUtil.class",
                "com/amazonaws/services/lambda/runtime/events/APIGatewayV2HTTPEvent.class")
                .noneMatch(e -> e.endsWith(".SF") || e.endsWith(".RSA") || e.endsWith(".DSA"))
                // The local harness (all functions in one context) is the test-jar's, never Lambda's.
                .noneMatch(e -> e.startsWith("dev/airlock/app/harness/") || e.endsWith("/LocalFunctions.class"));
        assertThat(jars()).noneMatch(j -> j.endsWith("-tests.jar"));
    }

    @Test
    void package_shouldShipExactlyOneHttpClient_theUrlConnectionOne() {
        List<String> jars = jars();

        assertThat(jars).filteredOn(j -> j.startsWith("url-connection-client-")).hasSize(1);
        assertThat(jars).noneMatch(j -> j.contains("netty"))
                .noneMatch(j -> j.startsWith("apache-client") || j.startsWith("apache5-client"))
                .noneMatch(j -> j.startsWith("httpclient") || j.startsWith("httpcore"))
                .noneMatch(j -> j.contains("tomcat") || j.contains("jetty") || j.contains("undertow"))
                .noneMatch(j -> j.startsWith("aws-crt"))
                .noneMatch(j -> j.startsWith("spring-webflux") || j.startsWith("reactor-netty"));
    }

    @Test
    void package_shouldHoldNoTestCode() {
        assertThat(entries).noneMatch(e -> e.contains("/testing/") || e.endsWith("Test.class") || e.endsWith("IT.class"))
                .noneMatch(e -> e.startsWith("events/"));
        assertThat(jars()).noneMatch(j -> j.startsWith("junit") || j.startsWith("assertj")
                || j.startsWith("airlock-endpoints") || j.contains("-tests"));
    }

    @Test
    void package_shouldStayWithinItsSizeBudget() throws IOException {
        long size = Files.size(zip);
        System.out.printf("Lambda package %s: %,d bytes (%.2f MB)%n", zip.getFileName(), size, size / 1e6);

        assertThat(size).isLessThanOrEqualTo(MAX_BYTES).isLessThanOrEqualTo(TARGET_BYTES);
    }

    /** What keeps the zip small: the jars hold their entries STORED and the zip compresses each jar once. */
    @Test
    void jars_shouldBeStoredInsideAndDeflatedByTheZip() throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry jar : Collections.list(file.entries())) {
                if (!jar.getName().endsWith(".jar")) {
                    continue;
                }
                assertThat(jar.getMethod()).as(jar.getName()).isEqualTo(ZipEntry.DEFLATED);
                try (var in = new java.util.zip.ZipInputStream(file.getInputStream(jar))) {
                    for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                        assertThat(entry.getMethod()).as(jar.getName() + "!/" + entry.getName())
                                .isEqualTo(ZipEntry.STORED);
                    }
                }
            }
        }
    }
}
