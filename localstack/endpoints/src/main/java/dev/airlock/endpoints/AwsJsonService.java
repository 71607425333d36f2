package dev.airlock.endpoints;

import tools.jackson.databind.node.ObjectNode;

/**
 * One AWS service spoken over the AWS JSON protocol (DynamoDB: JSON 1.0, KMS: JSON 1.1).
 * The embedded server routes a request here when its {@code X-Amz-Target} header starts with
 * {@link #targetPrefix()} followed by a dot; the part after the dot is the operation name.
 */
public interface AwsJsonService {

    /** The {@code X-Amz-Target} prefix, e.g. {@code DynamoDB_20120810} or {@code TrentService}. */
    String targetPrefix();

    /** The content type of responses, e.g. {@code application/x-amz-json-1.0}. */
    String contentType();

    /**
     * Executes one operation.
     *
     * @param operation the operation name, e.g. {@code PutItem}
     * @param request   the parsed JSON request body (an empty object when the body is empty)
     * @return the JSON response body
     * @throws AwsServiceException with the AWS error type, message and HTTP status to send back
     */
    ObjectNode handle(String operation, ObjectNode request) throws AwsServiceException;

    /**
     * The {@code __type} written for an error code. KMS (and most JSON 1.1 services) send the bare
     * code; DynamoDB sends it qualified with the namespace of the service that raised it, e.g.
     * {@code com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException}. The SDK keeps
     * only the part after {@code #}, so both map to the same exception class.
     */
    default String errorTypeOf(String code) {
        return code;
    }

    /**
     * The error an injected throttling fault raises for {@code operation}. AWS's common
     * {@code ThrottlingException} (HTTP 400) unless the service documents another one.
     */
    default AwsServiceException throttlingError(String operation) {
        return new AwsServiceException("ThrottlingException", "Rate exceeded", 400);
    }

    /**
     * The error an injected server fault raises for {@code operation}: AWS's common
     * {@code InternalFailure} (HTTP 500) unless the service documents another one (DynamoDB:
     * {@code InternalServerError}, KMS: {@code KMSInternalException}).
     */
    default AwsServiceException internalError(String operation) {
        return new AwsServiceException("InternalFailure",
                "The request processing has failed because of an unknown error, exception or failure.", 500);
    }
}
