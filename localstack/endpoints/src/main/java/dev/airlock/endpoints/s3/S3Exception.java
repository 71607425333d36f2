package dev.airlock.endpoints.s3;

import java.util.Objects;

/**
 * An S3 error response: the {@code Code} the AWS SDK maps to its exception classes
 * ({@code NoSuchKey}, {@code AccessDenied}, …), the message and the HTTP status, as in the S3 API
 * reference's list of error codes (ErrorResponses.html).
 */
public final class S3Exception extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;

    public S3Exception(String code, String message, int status) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    static S3Exception invalidArgument(String message) {
        return new S3Exception("InvalidArgument", message, 400);
    }

    static S3Exception invalidRequest(String message) {
        return new S3Exception("InvalidRequest", message, 400);
    }

    static S3Exception notImplemented(String what) {
        return new S3Exception("NotImplemented", what + " is not supported by the embedded S3", 501);
    }

    static S3Exception accessDenied(String message) {
        return new S3Exception("AccessDenied", message, 403);
    }

    static S3Exception noSuchBucket() {
        return new S3Exception("NoSuchBucket", "The specified bucket does not exist", 404);
    }

    static S3Exception noSuchKey() {
        return new S3Exception("NoSuchKey", "The specified key does not exist.", 404);
    }

    static S3Exception malformedXml() {
        return new S3Exception("MalformedXML", "The XML you provided was not well-formed or did not validate "
                + "against our published schema", 400);
    }
}
