package dev.airlock.app.stream;

import dev.airlock.core.api.StreamConsumer;
import org.springframework.core.ResolvableType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one adapter of every table-stream function: the raw DynamoDB stream event in
 * ({@link StreamEvents}), the function's {@link StreamConsumer} called with the changes, and Lambda's
 * partial batch response out: {@code {"batchItemFailures": [{"itemIdentifier": "<SequenceNumber>"}]}}
 * (empty when the whole batch is done), so the event source mapping — with
 * {@code ReportBatchItemFailures} — redelivers from the first failed change (Lambda developer guide,
 * "Configuring partial batch response with DynamoDB and Lambda").
 */
public final class StreamEventFunction implements Function<InputStream, Map<String, Object>> {

    /** {@code Function<InputStream, Map<String, Object>>}: how the table-stream functions are registered. */
    public static final Type TYPE = ResolvableType.forClassWithGenerics(Function.class,
            ResolvableType.forClass(InputStream.class),
            ResolvableType.forClassWithGenerics(Map.class, String.class, Object.class)).getType();

    private final StreamConsumer consumer;

    public StreamEventFunction(StreamConsumer consumer) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    @Override
    public Map<String, Object> apply(InputStream input) {
        byte[] json;
        try (InputStream in = Objects.requireNonNull(input, "input")) {
            json = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the event failed", e);
        }
        StreamConsumer.Result result = consumer.consume(StreamEvents.changes(json));
        return response(result);
    }

    /** The partial batch response of {@code result}. */
    public static Map<String, Object> response(StreamConsumer.Result result) {
        List<Map<String, String>> failures = result.failedIds().stream()
                .map(id -> Map.of("itemIdentifier", id)).toList();
        return Map.of("batchItemFailures", failures);
    }
}
