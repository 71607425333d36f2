package dev.airlock.cli.http;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A paged listing ({@code GET /requests}, {@code GET /certificates}), every page: follows
 * {@code nextCursor} until it is null (a page may be short, even empty, while more follow), with the
 * page size of {@code AIRLOCK_PAGE_SIZE} when set.
 */
public final class RequestListing {

    /** A safety net against a server that never ends a listing. */
    private static final int MAX_PAGES = 10_000;

    private final ApiClient api;
    private final Optional<String> pageSize;

    public RequestListing(ApiClient api, Optional<String> pageSize) {
        this.api = api;
        this.pageSize = pageSize;
    }

    /** Every request of {@code GET /requests?query} ({@code query} already encoded, may be empty). */
    public List<ObjectNode> all(String query) {
        return all("/requests", query);
    }

    /** Every item of {@code GET path?query}, a listing shaped as {@code GET /requests} is. */
    public List<ObjectNode> all(String path, String query) {
        String base = query;
        if (pageSize.isPresent()) {
            if (!pageSize.get().matches("[0-9]+")) {
                throw new CliException(Exit.USAGE, "AIRLOCK_PAGE_SIZE must be a number from 1 to 100");
            }
            base = join(base, "limit=" + pageSize.get());
        }
        List<ObjectNode> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        for (int pages = 0; ; pages++) {
            String pageQuery = cursor == null ? base : join(base, "cursor=" + encode(cursor));
            ObjectNode page = api.json("GET", path + (pageQuery.isEmpty() ? "" : "?" + pageQuery), null);
            cursor = cursorOf(page, path);
            for (JsonNode item : page.get("items")) {
                if (item instanceof ObjectNode object) {
                    items.add(object);
                }
            }
            if (cursor == null) {
                return items;
            }
            if (!seen.add(cursor)) {
                throw new CliException(Exit.UNAVAILABLE, "the server returned the same list cursor twice; giving up");
            }
            if (pages + 1 >= MAX_PAGES) {
                throw new CliException(Exit.UNAVAILABLE, "more than " + MAX_PAGES + " pages from " + path
                        + "; narrow the listing");
            }
        }
    }

    private String cursorOf(ObjectNode page, String path) {
        JsonNode items = page.get("items");
        JsonNode next = page.get("nextCursor");
        if (items == null || !items.isArray() || (next != null && !next.isNull() && !next.isString())) {
            throw new CliException(Exit.UNAVAILABLE, "unexpected reply from " + api.baseUrl() + path + " (no items array)");
        }
        return next == null || next.isNull() || next.asString().isEmpty() ? null : next.asString();
    }

    private static String join(String query, String parameter) {
        return query.isEmpty() ? parameter : query + "&" + parameter;
    }

    /** Percent-encodes all but RFC 3986's unreserved characters (a space is %20, never +). */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
