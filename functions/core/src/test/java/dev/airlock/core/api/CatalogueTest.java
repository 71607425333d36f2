package dev.airlock.core.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueTest {

    @Test
    void everyRouteBelongsToAnHttpFunctionOfTheCatalogue() {
        for (Route route : Routes.ALL) {
            FunctionSpec spec = Catalogue.of(route.function());
            assertThat(spec.kind()).as(route.routeKey()).isEqualTo(Trigger.Kind.HTTP);
            assertThat(((Trigger.HttpRoutes) spec.trigger()).routes()).contains(route);
        }
    }

    @Test
    void namesAreUnique() {
        assertThat(Catalogue.names()).doesNotHaveDuplicates().hasSize(Catalogue.ALL.size());
    }

    @Test
    void expireIsAScheduledEntryLikeAnyOther() {
        assertThat(Catalogue.of(Routes.EXPIRE).trigger()).isEqualTo(new Trigger.Schedule(Duration.ofMinutes(1)));
        assertThat(Catalogue.ofKind(Trigger.Kind.SCHEDULE)).extracting(FunctionSpec::name).containsExactly(Routes.EXPIRE);
    }

    @Test
    void of_shouldRefuseAnUnknownName() {
        assertThatThrownBy(() -> Catalogue.of("nonesuch")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Catalogue.find("nonesuch")).isEmpty();
    }

    @Test
    void checkpointConsumesTheAuditTablesStream_withAHeartbeat_notifyWithout() {
        assertThat(Catalogue.of(Routes.CHECKPOINT).trigger())
                .isEqualTo(new Trigger.TableStream("audit", Duration.ofMinutes(1)));
        assertThat(Catalogue.of(Routes.NOTIFY).trigger()).isEqualTo(new Trigger.TableStream("audit"));
        assertThat(Catalogue.ofKind(Trigger.Kind.TABLE_STREAM)).extracting(FunctionSpec::name).contains(Routes.CHECKPOINT);
    }

    @Test
    void triggers_shouldRefuseWhatTheirEventSourceCannotExpress() {
        assertThatThrownBy(() -> new Trigger.HttpRoutes(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Trigger.Schedule(Duration.ofSeconds(90))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Trigger.TableStream("audit", Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
