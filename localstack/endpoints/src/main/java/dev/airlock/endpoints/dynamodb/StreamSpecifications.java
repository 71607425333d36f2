package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.table.StreamSettings;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** {@code StreamSpecification} of CreateTable and UpdateTable (API_StreamSpecification). */
final class StreamSpecifications {

    /** DynamoDB's stream labels are the creation time, e.g. {@code 2015-05-11T21:21:33.291} (UTC). */
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private StreamSpecifications() {
    }

    /** The stream a table gets from {@code specification}: none when it is absent or disabled. */
    static Optional<StreamSettings> parse(JsonNode specification, Instant now) throws AwsServiceException {
        if (specification == null || specification.isNull()) {
            return Optional.empty();
        }
        if (!enabled(specification)) {
            return Optional.empty();
        }
        return Optional.of(new StreamSettings(true, viewType(specification), LABEL.format(now)));
    }

    /** {@code StreamEnabled}, which the API requires whenever a specification is given. */
    static boolean enabled(JsonNode specification) throws AwsServiceException {
        JsonNode enabled = specification.get("StreamEnabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw AwsServiceException.validation("1 validation error detected: Value null at "
                    + "'streamSpecification.streamEnabled' failed to satisfy constraint: Member must not be null");
        }
        return enabled.booleanValue();
    }

    private static String viewType(JsonNode specification) throws AwsServiceException {
        String viewType = specification.path("StreamViewType").asString("");
        if (viewType.isEmpty()) {
            throw AwsServiceException.validation("One or more parameter values were invalid: "
                    + "StreamViewType is required when StreamEnabled is true");
        }
        if (!StreamSettings.VIEW_TYPES.contains(viewType)) {
            throw AwsServiceException.validation("1 validation error detected: Value '" + viewType
                    + "' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy "
                    + "enum value set: " + StreamSettings.VIEW_TYPES);
        }
        return viewType;
    }
}
