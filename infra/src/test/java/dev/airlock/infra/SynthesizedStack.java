package dev.airlock.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The stack synthesized once per test JVM (a synth costs ~10 s), with a placeholder Lambda package
 * so the tests do not depend on {@code functions/app} having been packaged.
 */
final class SynthesizedStack {

    static final String ISSUER = "https://issuer.test.example/";
    static final String AUDIENCE = "airlock-test";
    static final String KEY_ADMINISTRATOR = "arn:aws:iam::123456789012:role/airlock-key-administrator-test";
    private static Template defaults;
    private static AirlockStack defaultStack;
    private static Path placeholderZip;

    private SynthesizedStack() {
    }

    /** The stack with default settings (plus issuer and audience defaults). */
    static synchronized TemplateJson defaults() {
        if (defaults == null) {
            defaultStack = AirlockApp.createStack(app(Map.of()), AirlockApp.DEFAULT_STACK_NAME);
            defaults = Template.fromStack(defaultStack);
        }
        return new TemplateJson(defaults);
    }

    /** The stack behind {@link #defaults()}, for annotation checks. */
    static synchronized AirlockStack defaultStack() {
        defaults();
        return defaultStack;
    }

    /** A fresh synth with extra context; use sparingly. */
    static Template synth(Map<String, Object> extraContext) {
        App app = app(extraContext);
        return Template.fromStack(AirlockApp.createStack(app, AirlockApp.DEFAULT_STACK_NAME));
    }

    static App app(Map<String, Object> extraContext) {
        Map<String, Object> context = new HashMap<>();
        context.put(StackConfig.LAMBDA_ZIP, placeholderZip().toString());
        context.put(StackConfig.JWT_ISSUER, ISSUER);
        context.put(StackConfig.JWT_AUDIENCE, AUDIENCE);
        context.put(StackConfig.KEY_ADMINISTRATOR_ROLE_ARN, KEY_ADMINISTRATOR);
        context.putAll(extraContext);
        return new App(AppProps.builder().context(context).analyticsReporting(false).build());
    }

    static synchronized Path placeholderZip() {
        if (placeholderZip == null) {
            try {
                Path zip = Files.createTempFile("airlock-placeholder", ".zip");
                try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                    out.putNextEntry(new ZipEntry("placeholder.txt"));
                    out.write("not a real Lambda package".getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
                zip.toFile().deleteOnExit();
                placeholderZip = zip;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return placeholderZip;
    }
}
