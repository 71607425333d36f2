package dev.airlock.endpoints.dynamodb.table;

import java.util.List;
import java.util.Objects;

/**
 * A table's DynamoDB stream: its view type, its label (which, appended to the table ARN, makes the
 * stream ARN) and whether it still receives records. A disabled stream stays readable, as the
 * DynamoDB Streams API describes ({@code StreamStatus} {@code DISABLED}, its shard closed).
 */
public record StreamSettings(boolean enabled, String viewType, String label) {

    /** The values of {@code StreamViewType} (API_StreamSpecification). */
    public static final List<String> VIEW_TYPES = List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");

    public StreamSettings {
        Objects.requireNonNull(viewType, "viewType");
        Objects.requireNonNull(label, "label");
        if (!VIEW_TYPES.contains(viewType)) {
            throw new IllegalArgumentException("unknown stream view type: " + viewType);
        }
    }

    public String arn(String tableArn) {
        return tableArn + "/stream/" + label;
    }

    public StreamSettings disabled() {
        return new StreamSettings(false, viewType, label);
    }

    public boolean keepsNewImage() {
        return viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
    }

    public boolean keepsOldImage() {
        return viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
    }
}
