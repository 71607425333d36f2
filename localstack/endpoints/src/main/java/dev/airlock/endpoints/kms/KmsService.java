package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsJsonService;
import dev.airlock.endpoints.AwsServiceException;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.Optional;

/** Embedded KMS (AWS JSON 1.1, target prefix {@code TrentService}). Placeholder until implemented. */
public final class KmsService implements AwsJsonService {

    public KmsService(Optional<Path> dataDirectory) {
    }

    @Override
    public String targetPrefix() {
        return "TrentService";
    }

    @Override
    public String contentType() {
        return "application/x-amz-json-1.1";
    }

    @Override
    public ObjectNode handle(String operation, ObjectNode request) throws AwsServiceException {
        throw new AwsServiceException("UnknownOperationException",
                "The embedded KMS does not support " + operation + " yet", 400);
    }
}
