package dev.airlock.ssh;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SshWirePropertiesTest {

    @Property
    void mpint_roundTrips(@ForAll("mpints") BigInteger value) {
        SshWireReader reader = new SshWireReader(new SshWire().mpint(value).toByteArray());

        assertThat(reader.mpint()).isEqualTo(value);
        assertThat(reader.hasRemaining()).isFalse();
    }

    /** RFC 4251 §5: the top bit of the first byte is the sign, and no unnecessary 0x00/0xFF byte leads. */
    @Property
    void mpint_signBitAndMinimality(@ForAll("mpints") BigInteger value) {
        byte[] body = new SshWireReader(new SshWire().mpint(value).toByteArray()).string();

        if (value.signum() == 0) {
            assertThat(body).isEmpty();
            return;
        }
        assertThat(body[0] < 0).isEqualTo(value.signum() < 0);
        if (body.length > 1) {
            boolean redundantZero = body[0] == 0 && body[1] >= 0;
            boolean redundantFf = body[0] == (byte) 0xFF && body[1] < 0;
            assertThat(redundantZero || redundantFf).isFalse();
        }
    }

    @Property
    void uint64AndUint32_roundTrip(@ForAll long big, @ForAll int small) {
        long unsigned32 = Integer.toUnsignedLong(small);
        SshWireReader reader = new SshWireReader(new SshWire().uint64(big).uint32(unsigned32).toByteArray());

        assertThat(reader.uint64()).isEqualTo(big);
        assertThat(reader.uint32()).isEqualTo(unsigned32);
    }

    @Property
    void string_roundTrips(@ForAll byte[] value) {
        SshWireReader reader = new SshWireReader(new SshWire().string(value).toByteArray());

        assertThat(reader.string()).isEqualTo(value);
        reader.requireEnd("string");
    }

    @Property
    void nameList_roundTrips(@ForAll("names") @Size(max = 8) List<String> names) {
        byte[] encoded = new SshWire().nameList(names).toByteArray();

        assertThat(new SshWireReader(encoded).nameList()).isEqualTo(names);
    }

    /** Wide random values plus the byte-boundary cases where the sign padding changes (±2^(8k-1), ±2^(8k-1) ± 1). */
    @Provide
    Arbitrary<BigInteger> mpints() {
        BigInteger bound = BigInteger.ONE.shiftLeft(4096);
        Arbitrary<BigInteger> wide = Arbitraries.bigIntegers().between(bound.negate(), bound);
        Arbitrary<BigInteger> boundaries = Arbitraries.integers().between(1, 64).flatMap(bytes -> {
            BigInteger edge = BigInteger.ONE.shiftLeft(8 * bytes - 1);
            return Arbitraries.of(edge, edge.subtract(BigInteger.ONE), edge.add(BigInteger.ONE),
                    edge.negate(), edge.negate().subtract(BigInteger.ONE), edge.negate().add(BigInteger.ONE));
        });
        return Arbitraries.oneOf(wide, boundaries);
    }

    @Provide
    Arbitrary<List<String>> names() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('!', '~').excludeChars(',')
                .ofMinLength(1).ofMaxLength(20);
        return name.list();
    }
}
