package dev.airlock.endpoints.dynamodb.value;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DynamoDB attribute value, one record per data type (S N B BOOL NULL M L SS NS BS). Values are
 * immutable; numbers are kept as normalised {@link BigDecimal}s so that {@code 1.50} and
 * {@code 1.5} are the same number, as in DynamoDB ("leading and trailing zeroes are trimmed").
 */
public sealed interface AttributeValue {

    /** The DynamoDB type descriptor: S, N, B, BOOL, NULL, M, L, SS, NS or BS. */
    String type();

    /** The value written as {@code S}. */
    record S(String value) implements AttributeValue {
        public String type() {
            return "S";
        }
    }

    /** The value written as {@code N}. */
    record N(BigDecimal value) implements AttributeValue {
        public N {
            value = Numbers.normalise(value);
        }

        public String type() {
            return "N";
        }

        /** The number as DynamoDB returns it: plain notation, no trailing zeros. */
        public String text() {
            return value.toPlainString();
        }
    }

    /** The value written as {@code B}. */
    record B(Bytes value) implements AttributeValue {
        public String type() {
            return "B";
        }
    }

    /** The value written as {@code BOOL}. */
    record Bool(boolean value) implements AttributeValue {
        public String type() {
            return "BOOL";
        }
    }

    /** The value written as {@code NULL: true}. */
    record Null() implements AttributeValue {
        public String type() {
            return "NULL";
        }
    }

    /** The value written as {@code M}; keeps insertion order. */
    record M(Map<String, AttributeValue> value) implements AttributeValue {
        public M {
            value = Collections.unmodifiableMap(new LinkedHashMap<>(value));
        }

        public String type() {
            return "M";
        }
    }

    /** The value written as {@code L}. */
    record L(List<AttributeValue> value) implements AttributeValue {
        public L {
            value = List.copyOf(value);
        }

        public String type() {
            return "L";
        }
    }

    /** The value written as {@code SS}. */
    record SS(Set<String> value) implements AttributeValue {
        public SS {
            value = Collections.unmodifiableSet(new LinkedHashSet<>(value));
        }

        public String type() {
            return "SS";
        }
    }

    /** The value written as {@code NS}; members are normalised numbers. */
    record NS(Set<BigDecimal> value) implements AttributeValue {
        public NS {
            Set<BigDecimal> normalised = new LinkedHashSet<>();
            value.forEach(n -> normalised.add(Numbers.normalise(n)));
            value = Collections.unmodifiableSet(normalised);
        }

        public String type() {
            return "NS";
        }
    }

    /** The value written as {@code BS}. */
    record BS(Set<Bytes> value) implements AttributeValue {
        public BS {
            value = Collections.unmodifiableSet(new LinkedHashSet<>(value));
        }

        public String type() {
            return "BS";
        }
    }
}
