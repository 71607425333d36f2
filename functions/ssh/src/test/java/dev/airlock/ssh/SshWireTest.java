package dev.airlock.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshWireTest {

    /** The mpint examples of RFC 4251 §5, verbatim. */
    @ParameterizedTest
    @CsvSource({
            "0,                 00000000",
            "9a378f9b2e332a7,   0000000809a378f9b2e332a7",
            "80,                000000020080",
            "-1234,             00000002edcc",
            "-deadbeef,         00000005ff21524111"})
    void mpint_matchesRfc4251Examples(String hexValue, String expectedHex) {
        byte[] encoded = new SshWire().mpint(new BigInteger(hexValue, 16)).toByteArray();

        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(expectedHex);
        assertThat(new SshWireReader(encoded).mpint()).isEqualTo(new BigInteger(hexValue, 16));
    }

    @Test
    void nameList_matchesRfc4251Examples() {
        assertThat(hex(new SshWire().nameList(List.of()))).isEqualTo("00000000");
        assertThat(hex(new SshWire().nameList(List.of("zlib")))).isEqualTo("000000047a6c6962");
        assertThat(hex(new SshWire().nameList(List.of("zlib", "none")))).isEqualTo("000000097a6c69622c6e6f6e65");
    }

    @Test
    void uint32AndUint64AndString_areBigEndianWithLengthPrefix() {
        byte[] encoded = new SshWire().uint32(0xFFFF_FFFEL).uint64(-1L).string("testing").toByteArray();

        assertThat(HexFormat.of().formatHex(encoded))
                .isEqualTo("fffffffe" + "ffffffffffffffff" + "00000007" + "74657374696e67");
    }

    @Test
    void nameList_rejectsEmptyNamesAndCommas() {
        assertThatThrownBy(() -> new SshWire().nameList(List.of("a", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> new SshWire().nameList(List.of("a,b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comma");
    }

    @Test
    void uint32_rejectsOutOfRange() {
        assertThatThrownBy(() -> new SshWire().uint32(1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SshWire().uint32(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reader_rejectsTruncationOverlongStringsAndTrailingBytes() {
        assertThatThrownBy(() -> new SshWireReader(new byte[] {0, 0, 1}).uint32())
                .isInstanceOf(SshWireFormatException.class).hasMessage("truncated uint32: needs 4 bytes, 3 left");
        assertThatThrownBy(() -> new SshWireReader(new byte[] {0, 0, 0, 9, 1}).string())
                .isInstanceOf(SshWireFormatException.class).hasMessage("string length 9 exceeds the 1 bytes left");
        SshWireReader reader = new SshWireReader(new byte[] {0, 0, 0, 0, 7});
        reader.string();
        assertThatThrownBy(() -> reader.requireEnd("the blob"))
                .isInstanceOf(SshWireFormatException.class).hasMessage("the blob has 1 trailing bytes");
    }

    @Test
    void reader_rejectsNonMinimalMpintsAndInvalidUtf8() {
        assertThatThrownBy(() -> new SshWireReader(HexFormat.of().parseHex("000000020001")).mpint())
                .isInstanceOf(SshWireFormatException.class).hasMessageContaining("unnecessary leading byte");
        assertThatThrownBy(() -> new SshWireReader(HexFormat.of().parseHex("00000002ff80")).mpint())
                .isInstanceOf(SshWireFormatException.class).hasMessageContaining("unnecessary leading byte");
        assertThatThrownBy(() -> new SshWireReader(HexFormat.of().parseHex("00000001c3")).utf8())
                .isInstanceOf(SshWireFormatException.class).hasMessage("string is not valid UTF-8");
    }

    private static String hex(SshWire wire) {
        return HexFormat.of().formatHex(wire.toByteArray());
    }
}
