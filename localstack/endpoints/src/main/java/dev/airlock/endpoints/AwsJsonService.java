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
}
