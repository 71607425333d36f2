package dev.airlock.core.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteMatcherTest {

    private final RouteMatcher table = new RouteMatcher();

    static java.util.List<Route> routes() {
        return Routes.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void match_shouldFindEveryRouteOfTheSharedTable(Route route) {
        String path = route.pathTemplate().replace("{id}", "bc8ca931-fec9-4b15-9d5c-1f1d4b0e7a11")
                .replace("{serial}", "18446744073709551615");

        RouteMatcher.Match match = table.match(route.method(), path).orElseThrow();

        assertThat(match.route()).isEqualTo(route);
        Map<String, String> expected = route.pathTemplate().contains("{id}")
                ? Map.of("id", "bc8ca931-fec9-4b15-9d5c-1f1d4b0e7a11")
                : route.pathTemplate().contains("{serial}") ? Map.of("serial", "18446744073709551615") : Map.of();
        assertThat(match.pathParameters()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /nope", "PUT, /requests", "get, /requests", "GET, /requests/", "GET, /requests//reviews",
            "POST, /requests/x/reviews/y", "GET, /CA", "POST, /requests/x"})
    void match_shouldFindNothingElse(String method, String path) {
        assertThat(table.match(method, path)).isEmpty();
    }

    @Test
    void match_shouldDecodePathParameters() {
        assertThat(table.match("GET", "/requests/a%2Fb%20c").orElseThrow().pathParameters())
                .containsEntry("id", "a/b c");
        assertThat(table.match("GET", "/requests/a+b").orElseThrow().pathParameters()).containsEntry("id", "a+b");
        assertThat(table.match("GET", "/requests/%C3%A9").orElseThrow().pathParameters()).containsEntry("id", "é");
    }

    @Test
    void match_shouldRefuseBrokenEscapes() {
        assertThatThrownBy(() -> table.match("GET", "/requests/%4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.match("GET", "/requests/%zz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.match("GET", "/requests/%ff")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void match_shouldPreferTheMostSpecificRoute_whateverTheOrder() {
        Route literal = new Route("GET", "/requests/mine", "list");
        Route template = new Route("GET", "/requests/{id}", "list");

        for (java.util.List<Route> order : java.util.List.of(java.util.List.of(template, literal),
                java.util.List.of(literal, template))) {
            RouteMatcher matcher = new RouteMatcher(order);
            assertThat(matcher.match("GET", "/requests/mine").orElseThrow().route()).isEqualTo(literal);
            assertThat(matcher.match("GET", "/requests/other").orElseThrow().route()).isEqualTo(template);
        }
    }

    @Test
    void match_shouldCompareLiteralSegmentsDecoded() {
        assertThat(table.match("GET", "/%63a").orElseThrow().route().pathTemplate()).isEqualTo("/ca");
    }
}
