package dev.airlock.app.http;

import dev.airlock.domain.error.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The JSON of the HTTP API: a strict reader (unknown fields, duplicate keys, trailing data, nulls for
 * primitives and type coercions such as {@code 5 → "5"} are all refused with a 400 naming the field)
 * and a writer that keeps the documented field order and writes nulls.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // Checked in read() instead, to report trailing data as malformed JSON, not a bad field.
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // Field order is the order of the record components, as docs/API.md shows it.
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .withCoercionConfig(LogicalType.Textual, cfg -> cfg
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfigDefaults(cfg -> cfg
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .build();

    private Json() {
    }

    /**
     * Reads a request body into {@code type}.
     *
     * @throws InvalidRequestException code {@code malformed_json}, {@code unknown_field} or
     *                                 {@code invalid_field} (the detail names the field)
     */
    public static <T> T read(String body, Class<T> type) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            T value = MAPPER.readValue(parser, type);
            if (value == null) {
                throw new InvalidRequestException("malformed_json", "the body must be a JSON object");
            }
            if (parser.nextToken() != null) {
                throw new InvalidRequestException("malformed_json", "the body must hold exactly one JSON value");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRequestException("unknown_field", "unknown field " + Echo.quote(path(e)));
        } catch (StreamReadException e) {
            throw new InvalidRequestException("malformed_json", "the body is not well-formed JSON");
        } catch (JacksonException e) {
            String field = path(e);
            throw new InvalidRequestException("invalid_field", field.isEmpty()
                    ? "the body must be a JSON object"
                    : "field " + Echo.quote(field) + " has the wrong type or value");
        }
    }

    /** Writes a value as compact JSON. */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Reads any JSON text into a tree of maps, lists and scalars (for tests and claim parsing). */
    public static Object readTree(String text) {
        return MAPPER.readValue(text, Object.class);
    }

    /** The JSON path of the failing field, e.g. {@code roles[1]} or {@code verdict}. */
    private static String path(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        return path.stream()
                .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName()
                        : r.getIndex() >= 0 ? "[" + r.getIndex() + "]" : "")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
