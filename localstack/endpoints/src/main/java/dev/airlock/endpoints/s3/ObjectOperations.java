package dev.airlock.endpoints.s3;

import org.w3c.dom.Element;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * PutObject, GetObject, HeadObject, DeleteObject, PutObjectRetention and GetObjectRetention, with
 * S3 Object Lock's rules (object-lock.html, object-lock-managing.html): a locked version cannot be
 * deleted (AccessDenied) but a delete marker may be put on top of it, an overwrite adds a version,
 * COMPLIANCE retention can be extended but never shortened or changed to GOVERNANCE.
 */
final class ObjectOperations {

    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String LOCK_MODE = "x-amz-object-lock-mode";
    private static final String RETAIN_UNTIL = "x-amz-object-lock-retain-until-date";
    private static final String BYPASS_GOVERNANCE = "x-amz-bypass-governance-retention";

    private final Clock clock;

    ObjectOperations(Clock clock) {
        this.clock = clock;
    }

    S3Response put(Bucket bucket, String key, S3Request request) throws S3Exception {
        for (String unsupported : List.of("x-amz-copy-source", "x-amz-object-lock-legal-hold", "x-amz-tagging")) {
            if (request.header(unsupported).isPresent()) {
                throw S3Exception.notImplemented("The header " + unsupported);
            }
        }
        Optional<Retention> retention = requestedRetention(bucket, request);
        PayloadDecoder.Payload payload = PayloadDecoder.decode(request);
        Instant now = clock.instant();
        String etag = "\"" + HexFormat.of().formatHex(PayloadDecoder.digest("MD5", payload.content())) + "\"";
        Map<String, String> metadata = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (name.startsWith("x-amz-meta-") && !values.isEmpty()) {
                metadata.put(name, values.get(0));
            }
        });
        String versionId = bucket.versioningEnabled() ? newVersionId() : Bucket.NULL_VERSION;
        String contentType = request.header("content-type").orElse("binary/octet-stream");
        bucket.add(key, new ObjectVersion(versionId, false, payload.content(), etag, contentType, now, metadata,
                retention));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", etag);
        if (bucket.versioningEnabled()) {
            headers.put("x-amz-version-id", versionId);
        }
        Optional.ofNullable(payload.trailers().get("x-amz-checksum-crc32"))
                .or(() -> request.header("x-amz-checksum-crc32"))
                .ifPresent(crc -> headers.put("x-amz-checksum-crc32", crc));
        return S3Response.empty(200, headers);
    }

    /**
     * The retention a PutObject asks for, or the bucket's default. "The Content-MD5 or
     * x-amz-sdk-checksum-algorithm header is required for any request to upload an object with a
     * retention period configured using Amazon S3 Object Lock" (API_PutObject).
     */
    private Optional<Retention> requestedRetention(Bucket bucket, S3Request request) throws S3Exception {
        Optional<String> mode = request.header(LOCK_MODE);
        Optional<String> until = request.header(RETAIN_UNTIL);
        if (mode.isPresent() != until.isPresent()) {
            throw S3Exception.invalidArgument("x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must "
                    + "both be supplied");
        }
        if (mode.isPresent() && !bucket.objectLockEnabled()) {
            throw S3Exception.invalidRequest("Bucket is missing Object Lock Configuration");
        }
        Optional<Retention> retention = mode.isPresent()
                ? Optional.of(retention(mode.get(), until.get()))
                : bucket.defaultRetention().map(rule -> new Retention(rule.mode(), defaultUntil(rule)));
        if (retention.isPresent() && !hasIntegrityHeader(request)) {
            throw S3Exception.invalidRequest("Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object "
                    + "requests with Object Lock parameters");
        }
        return retention;
    }

    private Instant defaultUntil(Bucket.DefaultRetention rule) {
        return rule.days() > 0 ? clock.instant().plus(java.time.Duration.ofDays(rule.days()))
                : clock.instant().atZone(ZoneOffset.UTC).plusYears(rule.years()).toInstant();
    }

    private Retention retention(String mode, String until) throws S3Exception {
        if (!Retention.MODES.contains(mode)) {
            throw S3Exception.invalidArgument("Unknown wormMode directive.");
        }
        Instant date = parseDate(until);
        if (!date.isAfter(clock.instant())) {
            throw S3Exception.invalidArgument("The retain until date must be in the future!");
        }
        return new Retention(mode, date);
    }

    private static boolean hasIntegrityHeader(S3Request request) {
        return request.header("content-md5").isPresent() || request.header("x-amz-sdk-checksum-algorithm").isPresent()
                || request.headers().keySet().stream().anyMatch(h -> h.startsWith("x-amz-checksum-"))
                || request.header("x-amz-trailer").orElse("").startsWith("x-amz-checksum-");
    }

    S3Response get(Bucket bucket, String key, S3Request request, boolean withBody) throws S3Exception {
        ObjectVersion version = find(bucket, key, request);
        Map<String, String> headers = new LinkedHashMap<>();
        if (version.deleteMarker()) {
            headers.put("x-amz-delete-marker", "true");
            headers.put("x-amz-version-id", version.versionId());
            if (request.queryParameter("versionId").isPresent()) {
                throw new S3Exception("MethodNotAllowed", "The specified method is not allowed against this resource.", 405);
            }
            throw S3Exception.noSuchKey();
        }
        headers.put("ETag", version.etag());
        headers.put("Content-Type", version.contentType());
        headers.put("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                version.lastModified().atZone(ZoneOffset.UTC)));
        headers.put("Content-Length", Integer.toString(version.content().length));
        if (bucket.versioningEnabled()) {
            headers.put("x-amz-version-id", version.versionId());
        }
        version.metadata().forEach(headers::put);
        version.retention().ifPresent(r -> {
            headers.put(LOCK_MODE, r.mode());
            headers.put(RETAIN_UNTIL, ISO.format(r.retainUntil()));
        });
        return new S3Response(200, headers, withBody ? version.content() : new byte[0]);
    }

    S3Response delete(Bucket bucket, String key, S3Request request) throws S3Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        Optional<String> versionId = request.queryParameter("versionId");
        if (versionId.isEmpty() && bucket.versioningEnabled()) {
            // a delete marker hides the object; every locked version stays (object-lock.html)
            ObjectVersion marker = ObjectVersion.deleteMarker(newVersionId(), clock.instant());
            bucket.add(key, marker);
            headers.put("x-amz-delete-marker", "true");
            headers.put("x-amz-version-id", marker.versionId());
            return S3Response.empty(204, headers);
        }
        String id = versionId.orElse(Bucket.NULL_VERSION);
        Optional<ObjectVersion> version = bucket.version(key, id);
        if (version.isPresent()) {
            checkDeletable(version.get(), request);
            bucket.remove(key, id);
            headers.put("x-amz-version-id", id);
            if (version.get().deleteMarker()) {
                headers.put("x-amz-delete-marker", "true");
            }
        }
        return S3Response.empty(204, headers);
    }

    private void checkDeletable(ObjectVersion version, S3Request request) throws S3Exception {
        Optional<Retention> retention = version.retention().filter(r -> r.activeAt(clock.instant()));
        if (retention.isEmpty()) {
            return;
        }
        boolean bypass = request.header(BYPASS_GOVERNANCE).orElse("").equalsIgnoreCase("true");
        if (retention.get().compliance() || !bypass) {
            throw S3Exception.accessDenied("Access Denied because object protected by object lock.");
        }
    }

    S3Response putRetention(Bucket bucket, String key, S3Request request) throws S3Exception {
        if (!bucket.objectLockEnabled()) {
            throw S3Exception.invalidRequest("Bucket is missing Object Lock Configuration");
        }
        Element root = S3Xml.parse(request.body(), "Retention");
        Retention wanted = retention(S3Xml.childText(root, "Mode").orElse(""),
                S3Xml.childText(root, "RetainUntilDate").orElseThrow(S3Exception::malformedXml));
        ObjectVersion version = find(bucket, key, request);
        if (version.deleteMarker()) {
            throw new S3Exception("MethodNotAllowed", "The specified method is not allowed against this resource.", 405);
        }
        Optional<Retention> current = version.retention().filter(r -> r.activeAt(clock.instant()));
        boolean bypass = request.header(BYPASS_GOVERNANCE).orElse("").equalsIgnoreCase("true");
        boolean weakens = current.isPresent() && (wanted.retainUntil().isBefore(current.get().retainUntil())
                || !wanted.mode().equals(current.get().mode()) && current.get().compliance());
        if (weakens && (current.get().compliance() || !bypass)) {
            throw S3Exception.accessDenied("Access Denied because object protected by object lock.");
        }
        bucket.replace(key, version.withRetention(wanted));
        return S3Response.empty(200, new LinkedHashMap<>());
    }

    S3Response getRetention(Bucket bucket, String key, S3Request request) throws S3Exception {
        ObjectVersion version = find(bucket, key, request);
        Retention retention = version.retention().orElseThrow(() -> new S3Exception("NoSuchObjectLockConfiguration",
                "The specified object does not have a ObjectLock configuration", 404));
        return S3Response.xml(200, S3Xml.DECLARATION + "<Retention xmlns=\"" + S3Xml.NAMESPACE + "\">"
                + S3Xml.element("Mode", retention.mode())
                + S3Xml.element("RetainUntilDate", ISO.format(retention.retainUntil())) + "</Retention>");
    }

    private static ObjectVersion find(Bucket bucket, String key, S3Request request) throws S3Exception {
        Optional<String> versionId = request.queryParameter("versionId");
        if (versionId.isPresent()) {
            return bucket.version(key, versionId.get()).orElseThrow(() ->
                    new S3Exception("NoSuchVersion", "The specified version does not exist.", 404));
        }
        return bucket.latest(key).orElseThrow(S3Exception::noSuchKey);
    }

    private static Instant parseDate(String text) throws S3Exception {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw S3Exception.invalidArgument("The retain until date is not a valid ISO-8601 date: " + text);
        }
    }

    private static String newVersionId() {
        return UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    }
}
