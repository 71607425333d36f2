package dev.airlock.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading and writing {@link HttpExchange}s with limits. */
final class Exchanges {

    private Exchanges() {
    }

    /** Thrown when a request body is larger than allowed; nothing more of it is read. */
    static final class BodyTooLargeException extends Exception {
        BodyTooLargeException() {
            super("request body too large", null, false, false);
        }
    }

    /**
     * The whole body, at most {@code limit} bytes; a declared or actual larger body is refused. The
     * refused body is still read and discarded (up to {@value #DRAIN_FACTOR} times the limit): a server
     * that answers and closes while the client is still sending makes the client's TCP stack drop the
     * answer, and the caller would see a reset instead of the 413.
     */
    static byte[] readBody(HttpExchange exchange, int limit) throws IOException, BodyTooLargeException {
        Optional<Long> declared = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Length"))
                .flatMap(Exchanges::parseLength);
        try (InputStream in = exchange.getRequestBody()) {
            if (declared.isPresent() && declared.get() > limit) {
                drain(in, (long) limit * DRAIN_FACTOR);
                throw new BodyTooLargeException();
            }
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                drain(in, (long) limit * DRAIN_FACTOR);
                throw new BodyTooLargeException();
            }
            return body;
        }
    }

    /** How much of a refused body is read and thrown away, in multiples of the limit. */
    static final int DRAIN_FACTOR = 4;

    private static void drain(InputStream in, long most) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        int n;
        while (read < most && (n = in.read(buffer, 0, (int) Math.min(buffer.length, most - read))) >= 0) {
            read += n;
        }
    }

    /** Writes a complete response and closes the exchange. */
    static void write(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        boolean noBody = body.length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private static Optional<Long> parseLength(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
