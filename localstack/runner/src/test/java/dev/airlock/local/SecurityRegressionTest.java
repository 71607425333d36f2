package dev.airlock.local;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.airlock.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, finding 8 and the tokens an attacker tries, against the local gateway (in front of a stub
 * function host): none of them reaches a function. The gateway verifies with the functions' own
 * {@code dev.airlock.identity.BearerTokenVerifier}; the functions then verify again
 * ({@code functions/app SecurityRegressionTest}).
 */
class SecurityRegressionTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-07T19:38:02Z"));
    private final List<String> invoked = Collections.synchronizedList(new ArrayList<>());
    private LocalGateway gateway;
    private DevTokenIssuer issuer;
    private Api api;

    @BeforeEach
    void start() {
        FunctionHost stub = new FunctionHost() {
            @Override
            public byte[] invoke(String name, byte[] payload) {
                invoked.add(name);
                return "{\"statusCode\":200,\"body\":\"{}\"}".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void close() {
            }
        };
        gateway = LocalGateway.start(0, stub, url -> DevTokenIssuer.inMemory(url, clock),
                DemoUsers.of(Map.of("bob", List.of("contractors"))), clock);
        issuer = gateway.issuer();
        api = new Api(gateway.url());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private JWTClaimsSet.Builder valid() {
        return issuer.claims("alice", List.of("dba-reviewers"), clock.instant(), clock.instant().plusSeconds(600));
    }

    /** The valid claims with one claim's JSON replaced by {@code rawJson}. */
    private String payloadWith(String claim, String rawJson) {
        Map<String, Object> json = new LinkedHashMap<>(valid().build().toJSONObject());
        json.remove(claim);
        String rest = JSONObjectUtils.toJSONString(json);
        return "{\"" + claim + "\":" + rawJson + "," + rest.substring(1);
    }

    private void assertRefusedBeforeAnyFunction(String token) {
        assertThat(api.get("/requests", issuer.sign(valid().build())).status()).as("the valid token passes").isEqualTo(200);
        invoked.clear();

        Api.Reply reply = api.get("/requests", token);

        assertThat(reply.isProblem(401)).as(reply.toString()).isTrue();
        assertThat(invoked).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"4102444800\"", "\"never\"", "{}", "[1]"})
    void expThatIsNotANumber_shouldBe401(String exp) {
        assertRefusedBeforeAnyFunction(issuer.signPayload(payloadWith("exp", exp)));
    }

    @Test
    void noExp_shouldBe401() {
        assertRefusedBeforeAnyFunction(issuer.sign(valid().expirationTime(null).build()));
    }

    @Test
    void algNone_shouldBe401() {
        String unsigned = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + Base64URL.encode(valid().build().toString()) + ".";
        assertRefusedBeforeAnyFunction(unsigned);
    }

    @Test
    void hs256KeyedWithThePublicKey_shouldBe401() throws Exception {
        ECKey publicKey = (ECKey) issuer.publicKeys().getKeys().get(0);
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .keyID(publicKey.getKeyID()).build(), new Payload(valid().build().toString()));
        jws.sign(new MACSigner(publicKey.toECPublicKey().getEncoded()));

        assertRefusedBeforeAnyFunction(jws.serialize());
    }

    @Test
    void wrongIssuerOrAudience_shouldBe401() {
        assertRefusedBeforeAnyFunction(issuer.sign(valid().issuer("https://evil.example.com/").build()));
        assertRefusedBeforeAnyFunction(issuer.sign(valid().audience("another-app").build()));
    }

    @Test
    void expiredOrNotYetValid_shouldBe401() {
        Instant now = clock.instant();
        assertRefusedBeforeAnyFunction(issuer.sign(valid().expirationTime(java.util.Date.from(now.minusSeconds(120))).build()));
        assertRefusedBeforeAnyFunction(issuer.sign(valid().notBeforeTime(java.util.Date.from(now.plusSeconds(600))).build()));
    }
}
