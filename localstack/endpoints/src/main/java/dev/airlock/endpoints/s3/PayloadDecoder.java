package dev.airlock.endpoints.s3;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The object bytes of a PutObject body, and the integrity checks S3 makes on them. The AWS SDK
 * sends bodies either plain or {@code aws-chunked} (sigv4-streaming.html: {@code hex-size[;chunk-
 * signature=…]\r\n data \r\n … 0\r\n} then trailing headers such as {@code x-amz-checksum-crc32}).
 * Chunk signatures are not verified, like the request signature.
 */
final class PayloadDecoder {

    private static final byte[] CRLF = {'\r', '\n'};

    /** The decoded bytes and the trailing headers (lower-case names). */
    record Payload(byte[] content, Map<String, String> trailers) {
    }

    private PayloadDecoder() {
    }

    static Payload decode(S3Request request) throws S3Exception {
        String sha = request.header("x-amz-content-sha256").orElse("");
        boolean chunked = sha.startsWith("STREAMING-")
                || request.header("content-encoding").orElse("").contains("aws-chunked");
        Payload payload = chunked ? dechunk(request.body()) : new Payload(request.body(), Map.of());
        verify(request, payload);
        return payload;
    }

    private static Payload dechunk(byte[] body) throws S3Exception {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        int position = 0;
        while (true) {
            int end = indexOf(body, position);
            String header = new String(body, position, end - position, StandardCharsets.US_ASCII);
            int size;
            try {
                size = Integer.parseInt(header.split(";", 2)[0].trim(), 16);
            } catch (NumberFormatException e) {
                throw S3Exception.invalidRequest("Malformed aws-chunked body");
            }
            position = end + CRLF.length;
            if (size == 0) {
                return new Payload(content.toByteArray(), trailers(body, position));
            }
            if (size < 0 || position + size > body.length) {
                throw new S3Exception("IncompleteBody", "You did not provide the number of bytes specified by the "
                        + "Content-Length HTTP header", 400);
            }
            content.write(body, position, size);
            position += size + CRLF.length;
        }
    }

    private static Map<String, String> trailers(byte[] body, int start) throws S3Exception {
        Map<String, String> trailers = new LinkedHashMap<>();
        int position = start;
        while (position < body.length) {
            int end = indexOf(body, position);
            String line = new String(body, position, end - position, StandardCharsets.US_ASCII);
            position = end + CRLF.length;
            int colon = line.indexOf(':');
            if (colon > 0) {
                trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return trailers;
    }

    private static int indexOf(byte[] body, int from) throws S3Exception {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        throw S3Exception.invalidRequest("Malformed aws-chunked body");
    }

    /** Content-MD5 and a CRC32 checksum (header or trailer) must match the bytes, as S3 checks them. */
    private static void verify(S3Request request, Payload payload) throws S3Exception {
        Optional<String> md5 = request.header("content-md5");
        if (md5.isPresent() && !md5.get().equals(base64(digest("MD5", payload.content())))) {
            throw new S3Exception("BadDigest", "The Content-MD5 you specified did not match what we received.", 400);
        }
        Optional<String> crc32 = Optional.ofNullable(payload.trailers().get("x-amz-checksum-crc32"))
                .or(() -> request.header("x-amz-checksum-crc32"));
        if (crc32.isPresent() && !crc32.get().equals(crc32(payload.content()))) {
            throw new S3Exception("BadDigest", "The CRC32 you specified did not match the calculated checksum.", 400);
        }
    }

    static String crc32(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return base64(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
