package dev.airlock.infra.local;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The synthesized template as compact JSON: CDK writes it indented, which nearly doubles its size. */
final class TemplateText {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TemplateText() {
    }

    static String compact(Path template) {
        try {
            return compact(Files.readString(template));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template, e);
        }
    }

    static String compact(String json) {
        return JSON.writeValueAsString(JSON.readTree(json));
    }
}
