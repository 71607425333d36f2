package dev.airlock.endpoints.s3;

import org.w3c.dom.Element;

import java.util.LinkedHashMap;
import java.util.Optional;

/** PutObjectLockConfiguration and GetObjectLockConfiguration (API_PutObjectLockConfiguration). */
final class ObjectLockConfigurations {

    private ObjectLockConfigurations() {
    }

    static S3Response put(Bucket bucket, S3Request request) throws S3Exception {
        Element root = S3Xml.parse(request.body(), "ObjectLockConfiguration");
        if (!S3Xml.childText(root, "ObjectLockEnabled").orElse("").equals("Enabled")) {
            throw S3Exception.malformedXml();
        }
        if (!bucket.objectLockEnabled()) {
            // Object Lock can be enabled only when a bucket is created (this subset has no way to add it later)
            throw new S3Exception("InvalidBucketState", "Object Lock configuration cannot be enabled on existing "
                    + "buckets", 409);
        }
        Optional<Element> retention = S3Xml.child(root, "Rule").flatMap(rule -> S3Xml.child(rule, "DefaultRetention"));
        if (retention.isEmpty()) {
            bucket.defaultRetention(Optional.empty());
            return S3Response.empty(200, new LinkedHashMap<>());
        }
        String mode = S3Xml.childText(retention.get(), "Mode").orElse("");
        if (!Retention.MODES.contains(mode)) {
            throw S3Exception.malformedXml();
        }
        Optional<String> days = S3Xml.childText(retention.get(), "Days");
        Optional<String> years = S3Xml.childText(retention.get(), "Years");
        if (days.isPresent() == years.isPresent()) {
            throw S3Exception.malformedXml();
        }
        int amount = positive(days.or(() -> years).orElseThrow());
        bucket.defaultRetention(Optional.of(new Bucket.DefaultRetention(mode, days.isPresent() ? amount : 0,
                years.isPresent() ? amount : 0)));
        return S3Response.empty(200, new LinkedHashMap<>());
    }

    static S3Response get(Bucket bucket) throws S3Exception {
        if (!bucket.objectLockEnabled()) {
            throw new S3Exception("ObjectLockConfigurationNotFoundError",
                    "Object Lock configuration does not exist for this bucket", 404);
        }
        StringBuilder xml = new StringBuilder(S3Xml.DECLARATION)
                .append("<ObjectLockConfiguration xmlns=\"").append(S3Xml.NAMESPACE).append("\">")
                .append(S3Xml.element("ObjectLockEnabled", "Enabled"));
        bucket.defaultRetention().ifPresent(rule -> xml.append("<Rule><DefaultRetention>")
                .append(S3Xml.element("Mode", rule.mode()))
                .append(rule.days() > 0 ? S3Xml.element("Days", rule.days()) : S3Xml.element("Years", rule.years()))
                .append("</DefaultRetention></Rule>"));
        return S3Response.xml(200, xml.append("</ObjectLockConfiguration>").toString());
    }

    private static int positive(String text) throws S3Exception {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw S3Exception.invalidArgument("Default retention period must be a positive integer value");
    }
}
