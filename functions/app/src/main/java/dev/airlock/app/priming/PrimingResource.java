package dev.airlock.app.priming;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.GenericApplicationContext;

import java.util.List;
import java.util.Objects;

/**
 * Primes the function before a CRaC checkpoint — Lambda SnapStart takes one after the init phase of
 * a published version — so restored instances start with warm classes, clients and caches
 * ({@link Priming}; nothing is written). Outside a CRaC-capable JVM, {@code org.crac} registers the
 * resource with a no-op context and nothing happens.
 */
public final class PrimingResource implements Resource {

    /** The bean that keeps the resource reachable: CRaC holds registered resources only weakly. */
    public static final String BEAN_NAME = "airlockPrimingResource";

    private static final Logger LOG = LoggerFactory.getLogger(PrimingResource.class);

    private final Priming priming;

    private PrimingResource(Priming priming) {
        this.priming = Objects.requireNonNull(priming, "priming");
    }

    /** Registers the resource for {@code context}'s functions; call from the application's initializer. */
    public static void register(GenericApplicationContext context) {
        context.registerBean(BEAN_NAME, PrimingResource.class, () -> {
            PrimingResource resource = new PrimingResource(new Priming(context));
            Core.getGlobalContext().register(resource);
            return resource;
        });
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        List<String> calls = priming.run();
        LOG.info("primed before the checkpoint: {}", calls);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: credentials are read per request and the SDK reconnects on stale sockets.
    }
}
