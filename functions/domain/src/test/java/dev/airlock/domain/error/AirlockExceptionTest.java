package dev.airlock.domain.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AirlockExceptionTest {

    @ParameterizedTest
    @CsvSource({
        "INVALID_REQUEST, 400, invalid-request",
        "UNAUTHENTICATED, 401, unauthenticated",
        "ACCESS_DENIED,   403, access-denied",
        "NOT_FOUND,       404, not-found",
        "CONFLICT,        409, conflict",
        "THROTTLED,       429, throttled",
        "UNAVAILABLE,     503, unavailable",
        "INTERNAL,        500, internal",
    })
    void errorKind_mapsToStatusAndType(ErrorKind kind, int status, String type) {
        assertThat(kind.httpStatus()).isEqualTo(status);
        assertThat(kind.type()).isEqualTo(type);
        assertThat(kind.title()).isNotBlank();
    }

    @Test
    void eachSubclass_hasItsOwnKindCodeAndDetail() {
        List<AirlockException> all = List.of(
                new InvalidRequestException("reason_required", "a"), new UnauthenticatedException("no_token", "b"),
                new AccessDeniedException("self_review", "c"), new NotFoundException("request_not_found", "d"),
                new ConflictException("invalid_state", "e"), new ThrottledException("kms_throttled", "f"),
                new UnavailableException("kms_unavailable", "h", Duration.ofSeconds(1), null),
                new InternalException("unexpected", "g"));

        assertThat(all).extracting(AirlockException::kind).containsExactly(ErrorKind.values());
        assertThat(all).extracting(AirlockException::code).containsExactly("reason_required", "no_token",
                "self_review", "request_not_found", "invalid_state", "kms_throttled", "kms_unavailable", "unexpected");
        assertThat(all).extracting(AirlockException::detail).containsExactly("a", "b", "c", "d", "e", "f", "h", "g");
        assertThat(AirlockException.class.getPermittedSubclasses()).hasSize(8);
    }

    @Test
    void code_mustBeSnakeCase() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ConflictException("Invalid State", "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ConflictException("", "x"));
    }

    @Test
    void throttled_carriesOptionalRetryAfter() {
        assertThat(new ThrottledException("kms_throttled", "slow down", Duration.ofSeconds(2)).retryAfter())
                .contains(Duration.ofSeconds(2));
        assertThat(new ThrottledException("kms_throttled", "slow down").retryAfter()).isEmpty();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ThrottledException("kms_throttled", "x", Duration.ofSeconds(-1)));
    }

    @Test
    void unavailable_carriesAPositiveRetryAfter() {
        assertThat(new UnavailableException("kms_unavailable", "down", Duration.ofSeconds(2), null).retryAfter())
                .isEqualTo(Duration.ofSeconds(2));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UnavailableException("kms_unavailable", "x", Duration.ZERO, null));
    }

    @Test
    void cause_isKept() {
        RuntimeException cause = new RuntimeException("boom");

        assertThat(new InternalException("unexpected", "failed", cause)).hasCause(cause);
    }
}
