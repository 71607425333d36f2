package dev.airlock.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a stream function's poller is in its stream, kept across restarts of {@code local-up} in
 * {@code <home>/streams/<function>.position} as {@code <stream ARN> <sequence number>}: the last record
 * the function handled. A position of another stream (the table was recreated) counts as none; with
 * none, the poller starts at TRIM_HORIZON, so the function sees every record the stream holds.
 */
final class StreamPositions {

    private final Optional<Path> directory;
    /** function → "arn seq": what this process handled, so a reopened iterator never starts over. */
    private final Map<String, String> handled = new ConcurrentHashMap<>();

    /** @param directory empty = remember nothing (in-memory runs) */
    StreamPositions(Optional<Path> directory) {
        this.directory = directory;
    }

    Optional<String> read(String function, String streamArn) {
        String text = handled.get(function);
        if (text == null && directory.isPresent() && Files.isRegularFile(file(function))) {
            try {
                text = Files.readString(file(function), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file(function), e);
            }
        }
        String[] parts = text == null ? new String[0] : text.split(" ");
        return parts.length == 2 && parts[0].equals(streamArn) && parts[1].matches("[0-9]{1,40}")
                ? Optional.of(parts[1]) : Optional.empty();
    }

    void write(String function, String streamArn, String sequenceNumber) {
        handled.put(function, streamArn + " " + sequenceNumber);
        if (directory.isEmpty()) {
            return;
        }
        Path file = file(function);
        try {
            Files.createDirectories(directory.get());
            Path temporary = Files.createTempFile(directory.get(), "." + function, ".tmp");
            Files.writeString(temporary, streamArn + " " + sequenceNumber + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private Path file(String function) {
        return directory.orElseThrow().resolve(function + ".position");
    }
}
