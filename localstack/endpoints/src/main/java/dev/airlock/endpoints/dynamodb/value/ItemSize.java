package dev.airlock.endpoints.dynamodb.value;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The size of an item as DynamoDB counts it against the 400 KB limit (Amazon DynamoDB Developer
 * Guide, "Item sizes and formats"): attribute names count their UTF-8 bytes; strings their UTF-8
 * bytes; binaries their bytes; numbers about one byte per two significant digits plus one;
 * BOOL and NULL one byte; lists and maps three bytes plus one per element plus their contents.
 */
public final class ItemSize {

    /** 400 KB, including attribute names. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;
    private static final int CONTAINER_OVERHEAD = 3;

    private ItemSize() {
    }

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
            size += utf8(entry.getKey()) + of(entry.getValue());
        }
        return size;
    }

    public static long of(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return utf8(s.value());
        } else if (value instanceof AttributeValue.N n) {
            return number(n.value());
        } else if (value instanceof AttributeValue.B b) {
            return b.value().length();
        } else if (value instanceof AttributeValue.M m) {
            return CONTAINER_OVERHEAD + m.value().size() + of(m.value());
        } else if (value instanceof AttributeValue.L l) {
            return CONTAINER_OVERHEAD + l.value().size() + l.value().stream().mapToLong(ItemSize::of).sum();
        } else if (value instanceof AttributeValue.SS ss) {
            return ss.value().stream().mapToLong(ItemSize::utf8).sum();
        } else if (value instanceof AttributeValue.NS ns) {
            return ns.value().stream().mapToLong(ItemSize::number).sum();
        } else if (value instanceof AttributeValue.BS bs) {
            return bs.value().stream().mapToLong(Bytes::length).sum();
        }
        return 1; // BOOL, NULL
    }

    private static long number(BigDecimal value) {
        return (value.precision() + 1) / 2 + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
