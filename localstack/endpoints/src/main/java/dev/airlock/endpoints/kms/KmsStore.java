package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds the current {@link KmsState}. Reads take the latest snapshot without locking, so any number
 * of concurrent Sign calls proceed in parallel; changes are serialized, persisted (when there is a
 * data directory) and only then published, so a change that cannot be saved is not applied at all.
 */
final class KmsStore {

    /** One change: computes the next state from the current one, and the operation's result. */
    @FunctionalInterface
    interface Change<T> {
        Result<T> apply(KmsState current, Instant now) throws AwsServiceException;
    }

    /** The next state and what the operation returns. */
    record Result<T>(KmsState state, T value) {
    }

    private static final System.Logger LOG = System.getLogger(KmsStore.class.getName());

    private final Optional<KmsStateFile> file;
    private final Clock clock;
    private final Object writeLock = new Object();
    private volatile KmsState state;

    KmsStore(Optional<KmsStateFile> file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.state = file.map(KmsStateFile::load).orElseGet(KmsState::empty).purged(now());
    }

    /** Now, to the millisecond (KMS timestamps carry milliseconds). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    KmsState read() {
        return state;
    }

    <T> T write(Change<T> change) throws AwsServiceException {
        synchronized (writeLock) {
            Instant now = now();
            Result<T> result = change.apply(state.purged(now), now);
            if (result.state() != state) {
                save(result.state());
                state = result.state();
            }
            return result.value();
        }
    }

    private void save(KmsState next) throws AwsServiceException {
        if (file.isEmpty()) {
            return;
        }
        try {
            file.get().save(next);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot save the embedded KMS state to " + file.get().file(), e);
            throw KmsErrors.internal("The embedded KMS could not save its data directory; the change was not applied.");
        }
    }
}
