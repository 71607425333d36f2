package dev.airlock.local;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaHttpResponseTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static LambdaHttpResponse of(String json) {
        return LambdaHttpResponse.fromLambdaResult(json.getBytes(StandardCharsets.UTF_8), JSON);
    }

    @Test
    void fromLambdaResult_shouldReadAV2Response() {
        LambdaHttpResponse response = of("""
                {"statusCode": 409, "headers": {"Content-Type": "application/problem+json"},
                 "multiValueHeaders": {"X-A": ["1", "2"]}, "cookies": ["s=1"],
                 "body": "{\\"code\\":\\"already_reviewed\\"}", "isBase64Encoded": false}""");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("content-type")).contains("application/problem+json");
        assertThat(response.headers()).containsEntry("X-A", List.of("1", "2")).containsEntry("Set-Cookie", List.of("s=1"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"code\":\"already_reviewed\"}");
    }

    @Test
    void fromLambdaResult_shouldDecodeBase64Bodies() {
        assertThat(of("{\"statusCode\": 200, \"body\": \"aGk=\", \"isBase64Encoded\": true}").body())
                .isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> of("{\"statusCode\": 200, \"body\": \"***\", \"isBase64Encoded\": true}"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fromLambdaResult_shouldTreatAnythingElseAsA200JsonBody() {
        LambdaHttpResponse response = of("{\"expired\": 2}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).contains("application/json");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"expired\": 2}");
    }
}
