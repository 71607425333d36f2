package dev.airlock.endpoints.s3;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An S3 response: status, headers, body (empty for HEAD and 204). */
public record S3Response(int status, Map<String, String> headers, byte[] body) {

    static final String XML = "application/xml";

    static S3Response xml(int status, String xml) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", XML);
        return new S3Response(status, headers, xml.getBytes(StandardCharsets.UTF_8));
    }

    static S3Response empty(int status, Map<String, String> headers) {
        return new S3Response(status, headers, new byte[0]);
    }
}
