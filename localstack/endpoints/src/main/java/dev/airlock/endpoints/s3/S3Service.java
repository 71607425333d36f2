package dev.airlock.endpoints.s3;

import org.w3c.dom.Element;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Embedded S3, path-style, for what an Object Lock anchor needs: buckets created with Object Lock
 * (versioning on), their default retention, PutObject/GetObject/HeadObject/DeleteObject with
 * versions and delete markers, object retention, ListObjectsV2. Anything else is refused with
 * {@code NotImplemented} naming it. One lock serialises every request.
 */
public final class S3Service {

    /** Query parameters that select an operation's options rather than a subresource. */
    private static final Set<String> PARAMETERS = Set.of("versionId", "list-type", "prefix", "continuation-token",
            "max-keys", "start-after", "encoding-type", "fetch-owner", "x-id", "delimiter");
    private static final Set<String> SUBRESOURCES = Set.of("object-lock", "versioning", "retention");
    /** Bucket naming rules (bucketnamingrules.html), the part that matters for path-style requests. */
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final Map<String, Bucket> buckets = new TreeMap<>();
    private final Clock clock;
    private final ObjectOperations objects;
    private final S3Persistence persistence;

    /** An in-memory S3, or one kept in {@code persistence}'s directory. */
    public S3Service(Clock clock, S3Persistence persistence) {
        this.clock = clock;
        this.persistence = persistence;
        this.objects = new ObjectOperations(clock);
        persistence.load(buckets);
    }

    public synchronized S3Response handle(S3Request request) throws S3Exception {
        for (String parameter : request.query().keySet()) {
            if (!PARAMETERS.contains(parameter) && !SUBRESOURCES.contains(parameter)) {
                throw S3Exception.notImplemented("The subresource or parameter '" + parameter + "'");
            }
        }
        S3Response response = request.key().isEmpty() ? bucketOperation(request) : objectOperation(request);
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            persistence.save(buckets);
        }
        return response;
    }

    private S3Response bucketOperation(S3Request request) throws S3Exception {
        String method = request.method();
        if (method.equals("PUT") && !request.has("object-lock") && !request.has("versioning")) {
            return createBucket(request);
        }
        Bucket bucket = bucket(request.bucket());
        if (request.has("object-lock")) {
            return method.equals("PUT") ? ObjectLockConfigurations.put(bucket, request)
                    : ObjectLockConfigurations.get(bucket);
        }
        if (request.has("versioning")) {
            return method.equals("PUT") ? putVersioning(bucket, request) : getVersioning(bucket);
        }
        return switch (method) {
            case "GET" -> {
                if (!request.queryParameter("list-type").orElse("").equals("2")) {
                    throw S3Exception.notImplemented("ListObjects (version 1; use ListObjectsV2)");
                }
                yield ListObjects.listV2(bucket, request);
            }
            case "HEAD" -> S3Response.empty(200, new LinkedHashMap<>());
            case "DELETE" -> deleteBucket(bucket);
            default -> throw S3Exception.notImplemented(method + " on a bucket");
        };
    }

    private S3Response objectOperation(S3Request request) throws S3Exception {
        Bucket bucket = bucket(request.bucket());
        String key = request.key().orElseThrow();
        if (request.has("retention")) {
            return switch (request.method()) {
                case "PUT" -> objects.putRetention(bucket, key, request);
                case "GET" -> objects.getRetention(bucket, key, request);
                default -> throw S3Exception.notImplemented(request.method() + " ?retention");
            };
        }
        return switch (request.method()) {
            case "PUT" -> objects.put(bucket, key, request);
            case "GET" -> objects.get(bucket, key, request, true);
            case "HEAD" -> objects.get(bucket, key, request, false);
            case "DELETE" -> objects.delete(bucket, key, request);
            default -> throw S3Exception.notImplemented(request.method() + " on an object");
        };
    }

    private S3Response createBucket(S3Request request) throws S3Exception {
        String name = request.bucket();
        if (!BUCKET_NAME.matcher(name).matches() || name.contains("..")) {
            throw new S3Exception("InvalidBucketName", "The specified bucket is not valid.", 400);
        }
        if (buckets.containsKey(name)) {
            throw new S3Exception("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket "
                    + "succeeded and you already own it.", 409);
        }
        boolean lock = request.header("x-amz-bucket-object-lock-enabled").orElse("false").equalsIgnoreCase("true");
        buckets.put(name, new Bucket(name, clock.instant(), lock));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", "/" + name);
        return S3Response.empty(200, headers);
    }

    private S3Response deleteBucket(Bucket bucket) throws S3Exception {
        if (!bucket.isEmpty()) {
            throw new S3Exception("BucketNotEmpty", "The bucket you tried to delete is not empty. You must delete all "
                    + "versions in the bucket.", 409);
        }
        buckets.remove(bucket.name());
        return S3Response.empty(204, new LinkedHashMap<>());
    }

    private static S3Response putVersioning(Bucket bucket, S3Request request) throws S3Exception {
        Element root = S3Xml.parse(request.body(), "VersioningConfiguration");
        String status = S3Xml.childText(root, "Status").orElse("");
        if (status.equals("Enabled")) {
            bucket.enableVersioning();
            return S3Response.empty(200, new LinkedHashMap<>());
        }
        if (bucket.objectLockEnabled()) {
            throw new S3Exception("InvalidBucketState", "An Object Lock configuration is present on this bucket, so "
                    + "the versioning state cannot be changed.", 409);
        }
        throw S3Exception.notImplemented("Versioning status '" + status + "' (only Enabled)");
    }

    private static S3Response getVersioning(Bucket bucket) {
        String status = bucket.versioningEnabled() ? S3Xml.element("Status", "Enabled") : "";
        return S3Response.xml(200, S3Xml.DECLARATION + "<VersioningConfiguration xmlns=\"" + S3Xml.NAMESPACE + "\">"
                + status + "</VersioningConfiguration>");
    }

    private Bucket bucket(String name) throws S3Exception {
        return Optional.ofNullable(buckets.get(name)).orElseThrow(S3Exception::noSuchBucket);
    }
}
