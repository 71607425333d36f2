package dev.airlock.endpoints.kms;

/** The key states the embedded KMS uses, with their wire names ("Key states of KMS keys"). */
enum KeyState {
    ENABLED("Enabled"),
    DISABLED("Disabled"),
    PENDING_DELETION("PendingDeletion");

    private final String wireName;

    KeyState(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static KeyState ofWireName(String name) {
        for (KeyState state : values()) {
            if (state.wireName.equals(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown key state: " + name);
    }
}
