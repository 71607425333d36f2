package dev.airlock.bench.coldstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a cold start's classes come from, read from a {@code -Xlog:class+load=info:file=...:uptime} log
 * of the (unmeasured) AppCDS training run: loaded classes per library, and the JVM uptime at which the
 * Spring application class, the first AWS SDK class and the last class were loaded. Together with the
 * echo's profile this says what a function's cold start spends beyond the framework's.
 */
final class ClassLoadProfile {

    /** The line with the uptime decoration: {@code [1.234s] a.b.C source: ...}. */
    private static final Pattern LINE = Pattern.compile("^\\[(\\d+\\.\\d+)s] (\\S+) source: ");

    /** Library → class-name prefixes, first match wins. */
    private static final Map<String, List<String>> LIBRARIES = libraries();

    private ClassLoadProfile() {
    }

    /** The JVM flag that writes the log this class reads. */
    static String logFlag(Path log) {
        return "-Xlog:class+load=info:file=" + log + ":uptime";
    }

    static Map<String, Object> of(Path log, String mainClass) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        LIBRARIES.keySet().forEach(library -> counts.put(library, 0));
        double mainAt = -1;
        double firstSdkAt = -1;
        double lastAt = 0;
        try (var lines = Files.lines(log)) {
            for (String line : (Iterable<String>) lines::iterator) {
                Matcher m = LINE.matcher(line);
                if (!m.find()) {
                    continue;
                }
                double at = Double.parseDouble(m.group(1));
                String name = m.group(2);
                counts.merge(library(name), 1, Integer::sum);
                mainAt = mainAt < 0 && name.equals(mainClass) ? at : mainAt;
                firstSdkAt = firstSdkAt < 0 && name.startsWith("software.amazon.awssdk.") ? at : firstSdkAt;
                lastAt = at;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("classesByLibrary", counts);
        profile.put("applicationClassAtMs", Math.round(mainAt * 1000));
        profile.put("firstAwsSdkClassAtMs", firstSdkAt < 0 ? null : Math.round(firstSdkAt * 1000));
        profile.put("lastClassAtMs", Math.round(lastAt * 1000));
        return profile;
    }

    static String library(String className) {
        for (Map.Entry<String, List<String>> library : LIBRARIES.entrySet()) {
            for (String prefix : library.getValue()) {
                if (className.startsWith(prefix)) {
                    return library.getKey();
                }
            }
        }
        return "other";
    }

    private static Map<String, List<String>> libraries() {
        Map<String, List<String>> libraries = new LinkedHashMap<>();
        libraries.put("jdk", List.of("java.", "javax.", "jdk.", "sun.", "com.sun."));
        libraries.put("spring", List.of("org.springframework."));
        libraries.put("jackson", List.of("tools.jackson.", "com.fasterxml.jackson."));
        libraries.put("awsSdk", List.of("software.amazon."));
        libraries.put("lambdaEvents", List.of("com.amazonaws."));
        libraries.put("bouncyCastle", List.of("org.bouncycastle."));
        libraries.put("airlock", List.of("dev.airlock."));
        libraries.put("logging", List.of("ch.qos.logback.", "org.slf4j.", "org.apache.commons.logging."));
        libraries.put("yaml", List.of("org.snakeyaml.", "org.yaml."));
        libraries.put("other", List.of());
        return libraries;
    }
}
