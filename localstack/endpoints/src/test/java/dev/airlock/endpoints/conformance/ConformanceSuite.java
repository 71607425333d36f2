package dev.airlock.endpoints.conformance;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.net.URI;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** Runs every {@code *ConformanceTest} of this package against one endpoint, inside the current JVM. */
final class ConformanceSuite {

    private ConformanceSuite() {
    }

    static TestExecutionSummary runAgainst(URI endpoint, ConformanceTarget.Emulator emulator) throws Exception {
        return ConformanceTarget.runWith(endpoint, emulator, () -> {
            LauncherDiscoveryRequest request = request()
                    .selectors(selectPackage(ConformanceSuite.class.getPackageName()))
                    .filters(includeClassNamePatterns(".*ConformanceTest"))
                    .build();
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(request, listener);
            return listener.getSummary();
        });
    }

    /** One line per failed test: its name and what went wrong. */
    static String describeFailures(TestExecutionSummary summary) {
        return summary.getFailures().stream()
                .map(f -> f.getTestIdentifier().getDisplayName() + " [" + f.getTestIdentifier().getUniqueId() + "]: "
                        + f.getException())
                .collect(Collectors.joining("\n"));
    }
}
