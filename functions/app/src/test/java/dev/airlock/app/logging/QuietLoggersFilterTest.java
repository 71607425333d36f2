package dev.airlock.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The logback.xml on the class path installs the filter; these tests run against that configuration. */
class QuietLoggersFilterTest {

    private static final String ADAPTER = "org.springframework.cloud.function.adapter.aws.AWSLambdaUtils";

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        context.getLogger(ADAPTER).setLevel(Level.WARN);
    }

    @Test
    void rawEventLogger_shouldStaySilentBelowWarn_evenWhenSetToDebug() {
        Logger adapter = context.getLogger(ADAPTER);
        adapter.setLevel(Level.DEBUG);

        adapter.info("Received: {\"headers\":{\"authorization\":\"Bearer eyJ.secret\"}}");
        adapter.warn("a warning without secrets");

        assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("a warning without secrets");
    }

    @Test
    void otherLoggers_shouldLogAtInfo() {
        context.getLogger("dev.airlock.app.SomeClass").info("ordinary message");

        assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("ordinary message");
    }

    @Test
    void floorOf_shouldPickTheLongestCoveringPrefix() {
        assertThat(QuietLoggersFilter.floorOf(ADAPTER)).isEqualTo(Level.WARN);
        assertThat(QuietLoggersFilter.floorOf("org.springframework.cloud.function.context.catalog.X"))
                .isEqualTo(Level.INFO);
        assertThat(QuietLoggersFilter.floorOf("software.amazon.awssdk.request")).isEqualTo(Level.INFO);
        assertThat(QuietLoggersFilter.floorOf("software.amazon.awssdkx")).isNull();
        assertThat(QuietLoggersFilter.floorOf("dev.airlock")).isNull();
    }
}
