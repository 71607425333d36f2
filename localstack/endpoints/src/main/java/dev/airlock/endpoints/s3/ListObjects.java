package dev.airlock.endpoints.s3;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/** ListObjectsV2 (API_ListObjectsV2): prefix, start-after, continuation tokens, max-keys ≤ 1000. */
final class ListObjects {

    private static final int MAX_KEYS = 1000;

    private ListObjects() {
    }

    static S3Response listV2(Bucket bucket, S3Request request) throws S3Exception {
        if (request.queryParameter("delimiter").filter(d -> !d.isEmpty()).isPresent()) {
            throw S3Exception.notImplemented("ListObjectsV2 with a delimiter (CommonPrefixes)");
        }
        String prefix = request.queryParameter("prefix").orElse("");
        int maxKeys = maxKeys(request);
        boolean urlEncoded = request.queryParameter("encoding-type").filter("url"::equals).isPresent();
        Optional<String> token = request.queryParameter("continuation-token");
        String after = token.isPresent() ? decodeToken(token.get()) : request.queryParameter("start-after").orElse("");
        NavigableMap<String, ObjectVersion> current = bucket.currentObjects();
        NavigableMap<String, ObjectVersion> candidates = after.isEmpty() ? current : current.tailMap(after, false);
        StringBuilder contents = new StringBuilder();
        int count = 0;
        String last = null;
        boolean truncated = false;
        for (Map.Entry<String, ObjectVersion> entry : candidates.entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                continue;
            }
            if (count == maxKeys) {
                truncated = true;
                break;
            }
            ObjectVersion version = entry.getValue();
            contents.append("<Contents>").append(S3Xml.element("Key", encode(entry.getKey(), urlEncoded)))
                    .append(S3Xml.element("LastModified", ObjectOperations.ISO.format(version.lastModified())))
                    .append(S3Xml.element("ETag", version.etag()))
                    .append(S3Xml.element("Size", version.content().length))
                    .append(S3Xml.element("StorageClass", "STANDARD")).append("</Contents>");
            count++;
            last = entry.getKey();
        }
        StringBuilder xml = new StringBuilder(S3Xml.DECLARATION).append("<ListBucketResult xmlns=\"")
                .append(S3Xml.NAMESPACE).append("\">").append(S3Xml.element("Name", bucket.name()))
                .append(S3Xml.element("Prefix", encode(prefix, urlEncoded))).append(S3Xml.element("KeyCount", count))
                .append(S3Xml.element("MaxKeys", maxKeys)).append(S3Xml.element("IsTruncated", truncated));
        if (urlEncoded) {
            xml.append(S3Xml.element("EncodingType", "url"));
        }
        token.ifPresent(t -> xml.append(S3Xml.element("ContinuationToken", t)));
        if (truncated) {
            xml.append(S3Xml.element("NextContinuationToken", encodeToken(last)));
        }
        return S3Response.xml(200, xml.append(contents).append("</ListBucketResult>").toString());
    }

    private static int maxKeys(S3Request request) throws S3Exception {
        String text = request.queryParameter("max-keys").orElse(Integer.toString(MAX_KEYS));
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return Math.min(value, MAX_KEYS);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw S3Exception.invalidArgument("Provided max-keys not an integer or within integer range");
    }

    private static String encode(String text, boolean urlEncoded) {
        return urlEncoded ? URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20") : text;
    }

    private static String encodeToken(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) throws S3Exception {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Exception.invalidArgument("The continuation token provided is incorrect");
        }
    }
}
