package dev.airlock.cli.login;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Console;
import dev.airlock.cli.Exit;
import dev.airlock.cli.auth.Unreachable;
import dev.airlock.cli.http.ApiClient;
import dev.airlock.cli.http.NetworkFailure;
import dev.airlock.cli.http.Problems;
import dev.airlock.cli.http.Response;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Polls a request until it leaves PENDING: returns when it is APPROVED, throws (exit 2) when it never
 * will be. A few network failures or throttled polls in a row are tolerated. Ctrl-C or SIGTERM while
 * waiting leaves the request pending: a shutdown hook says how to resume, and the JVM exits 130/143.
 */
public final class ApprovalWait {

    private static final int MAX_POLL_FAILURES = 5;

    private final ApiClient api;
    private final Console console;
    private final Clock clock;
    private final PollInterval interval;
    private final String resume;
    private volatile String waitingFor;
    private String lastFailure = "throttled";

    public ApprovalWait(ApiClient api, Console console, Clock clock, PollInterval interval, String resume) {
        this.api = api;
        this.console = console;
        this.clock = clock;
        this.interval = interval;
        this.resume = resume;
    }

    /** From now until {@link #until} returns, an interrupt prints the resume hint. */
    public void armInterruptHint(String id) {
        waitingFor = id;
        Runtime.getRuntime().addShutdownHook(new Thread(this::interrupted, "access-interrupted"));
    }

    public void disarm() {
        waitingFor = null;
    }

    /** Blocks until request {@code id} is approved. */
    public void until(String id) {
        Instant started = clock.instant();
        int failures = 0;
        try {
            while (true) {
                ObjectNode request = poll(id);
                if (request == null) {
                    failures++;
                    if (failures >= MAX_POLL_FAILURES) {
                        throw new CliException(Exit.UNAVAILABLE, lastFailure + " (request " + id + " may still be pending; resume with: " + resume + ")");
                    }
                } else {
                    failures = 0;
                    String state = request.get("state").asString();
                    if (state.equals("APPROVED")) {
                        console.clearProgress();
                        return;
                    }
                    if (!state.equals("PENDING")) {
                        throw RequestOutcome.ended(request);
                    }
                }
                pause(interval.next(), id, started);
            }
        } finally {
            disarm();
        }
    }

    /** The request, or null after a network failure or throttling (retried). */
    private ObjectNode poll(String id) {
        String path = "/requests/" + id;
        Response response;
        try {
            response = api.exchange("GET", path, null, Map.of());
            if (response.status() == 401 && api.credentials().renew()) {
                response = api.exchange("GET", path, null, Map.of());
            }
        } catch (NetworkFailure e) {
            lastFailure = Unreachable.message(api.baseUrl(), api.baseUrl(), e);
            return null;
        }
        if (response.status() == 429 || response.status() == 503) {
            lastFailure = "Airlock at " + api.baseUrl() + " is still throttling (HTTP " + response.status() + ")";
            return null;
        }
        if (!response.ok()) {
            throw Problems.failure(response);
        }
        return response.jsonObject().filter(json -> json.hasNonNull("state") && json.get("state").isString())
                .orElseThrow(() -> new CliException(Exit.UNAVAILABLE, "unexpected reply for request " + id + " (no state)"));
    }

    private void pause(Duration pause, String id, Instant started) {
        try {
            if (!console.stderrIsTerminal()) {
                Thread.sleep(pause.toMillis());
                return;
            }
            long whole = pause.toMillis() % 1000 == 0 ? pause.toSeconds() : 0;
            if (whole == 0) {
                progress(id, started);
                Thread.sleep(pause.toMillis());
            }
            for (long tick = 0; tick < whole; tick++) {
                progress(id, started);
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(130, "interrupted");
        }
    }

    private void progress(String id, Instant started) {
        long elapsed = Duration.between(started, clock.instant()).toSeconds();
        console.progress(String.format("Waiting for approval of %s... %dm%02ds (Ctrl-C to stop waiting)",
                id.substring(0, Math.min(8, id.length())), elapsed / 60, elapsed % 60));
    }

    private void interrupted() {
        String id = waitingFor;
        if (id != null) {
            console.clearProgress();
            console.note("");
            console.note("Stopped waiting; request " + id + " is still pending.");
            console.note("Resume with: " + resume);
            console.flush();
        }
    }

}
