package dev.airlock.local;

/**
 * Runs the function beans the way Lambda does: a serialized event in, the serialized result out. The
 * gateway and the expiry schedule only ever see bytes, so nothing can reach a bean that would not
 * survive the Lambda wire format.
 */
public interface FunctionHost extends AutoCloseable {

    /**
     * Invokes the function {@code name} (see {@link dev.airlock.core.api.Routes}) with
     * {@code payload}, the event as JSON, and returns what Lambda would return, as JSON.
     *
     * @throws IllegalArgumentException when there is no function of that name
     */
    byte[] invoke(String name, byte[] payload);

    @Override
    void close();
}
