package dev.airlock.endpoints;

import com.sun.net.httpserver.Headers;

import java.util.regex.Pattern;

/**
 * Checks that a request carries an AWS Signature Version 4 {@code Authorization} header of the
 * right shape. Any credentials are accepted and the signature is not verified: the point is that
 * clients are configured as they would be against AWS, which refuses unsigned requests.
 */
final class SigV4Header {

    /** {@code AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=a;b, Signature=hex}. */
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=[^/,\\s]+/\\d{8}/[^/,\\s]+/[^/,\\s]+/aws4_request\\s*,"
                    + "\\s*SignedHeaders=[a-z0-9;-]+\\s*,\\s*Signature=[0-9a-f]{64}\\s*");

    private SigV4Header() {
    }

    static void check(Headers headers) throws AwsServiceException {
        String authorization = headers.getFirst("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new AwsServiceException("MissingAuthenticationTokenException",
                    "Request is missing Authentication Token", 400);
        }
        if (!AUTHORIZATION.matcher(authorization).matches()) {
            throw new AwsServiceException("IncompleteSignatureException",
                    "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters"
                            + " of AWS Signature Version 4 (AWS4-HMAC-SHA256).", 400);
        }
        if (headers.getFirst("X-Amz-Date") == null && headers.getFirst("Date") == null) {
            throw new AwsServiceException("IncompleteSignatureException",
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.", 400);
        }
    }
}
