package dev.airlock.endpoints.dynamodb.value;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers compare and are equal as decimals; strings order as their UTF-8 bytes; the wire form round-trips. */
class NumberAndOrderProperties {

    @Property
    void numbers_compareAsDecimals(@ForAll @Scale(12) @BigRange(min = "-1e20", max = "1e20") BigDecimal a,
                                   @ForAll @Scale(12) @BigRange(min = "-1e20", max = "1e20") BigDecimal b) {
        int order = ValueOrder.compare(new AttributeValue.N(a), new AttributeValue.N(b)).orElseThrow();

        assertThat(Integer.signum(order)).isEqualTo(Integer.signum(a.compareTo(b)));
    }

    @Property
    void trailingZeros_doNotChangeANumber(@ForAll @Scale(6) @BigRange(min = "-1e12", max = "1e12") BigDecimal a) {
        AttributeValue.N plain = new AttributeValue.N(a);
        AttributeValue.N padded = new AttributeValue.N(new BigDecimal(a.toPlainString() + (a.scale() > 0 ? "000" : ".000")));

        assertThat(padded).isEqualTo(plain);
        assertThat(padded.text()).isEqualTo(plain.text());
        assertThat(new BigDecimal(plain.text())).isEqualByComparingTo(a);
    }

    @Property
    void strings_orderAsTheirUtf8Bytes(@ForAll String a, @ForAll String b) {
        int order = ValueOrder.compare(new AttributeValue.S(a), new AttributeValue.S(b)).orElseThrow();
        int bytes = Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

        assertThat(Integer.signum(order)).isEqualTo(Integer.signum(bytes));
    }

    @Property
    void binaries_orderAsUnsignedBytes(@ForAll byte[] a, @ForAll byte[] b) {
        int order = ValueOrder.compare(new AttributeValue.B(Bytes.of(a)), new AttributeValue.B(Bytes.of(b))).orElseThrow();

        assertThat(Integer.signum(order)).isEqualTo(Integer.signum(Arrays.compareUnsigned(a, b)));
    }

    @Property
    void valuesOfDifferentTypes_areNeverOrdered(@ForAll String s, @ForAll long n) {
        assertThat(ValueOrder.compare(new AttributeValue.S(s), new AttributeValue.N(BigDecimal.valueOf(n)))).isEmpty();
    }

    @Property
    void theWireForm_roundTrips(@ForAll @Scale(5) @BigRange(min = "-1e30", max = "1e30") BigDecimal n, @ForAll String s)
            throws Exception {
        AttributeValue.M value = new AttributeValue.M(java.util.Map.of("n", new AttributeValue.N(n), "s", new AttributeValue.S(s)));

        assertThat(AttributeValueJson.fromJson(AttributeValueJson.toJson(value))).isEqualTo(value);
    }
}
