package dev.airlock.core.usecase;

import dev.airlock.domain.error.InvalidRequestException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/API.md: an {@code Idempotency-Key} is at most 128 printable ASCII characters. */
class IdempotencyKeyPropertiesTest {

    @Property
    void printableKeysUpTo128CharactersAreAccepted(@ForAll("printable") String key) {
        assertThat(RequestAccess.checkIdempotencyKey(Optional.of(key))).contains(key);
    }

    @Property
    void aKeyWithAnyOtherCharacterIsRefused(@ForAll("printable") String prefix, @ForAll("unprintable") char bad) {
        assertThatThrownBy(() -> RequestAccess.checkIdempotencyKey(Optional.of(prefix + bad)))
                .isInstanceOf(InvalidRequestException.class)
                .hasFieldOrPropertyWithValue("code", "invalid_idempotency_key");
    }

    @Provide
    Arbitrary<String> printable() {
        return Combinators.combine(Arbitraries.chars().range('!', '~'),
                        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(RequestAccess.MAX_IDEMPOTENCY_KEY_LENGTH - 2))
                .as((first, rest) -> first + rest);
    }

    @Provide
    Arbitrary<Character> unprintable() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'), Arbitraries.chars().range('\u007f', '\uffff'));
    }
}
