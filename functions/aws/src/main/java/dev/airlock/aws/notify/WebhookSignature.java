package dev.airlock.aws.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The {@code Airlock-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(key, "<t>.<body>")>}
 * (RFC 2104 HMAC over the timestamp and the exact body bytes), so a receiver verifies the body came from
 * Airlock and refuses old timestamps as replays (docs/NOTIFICATIONS.md shows the check).
 */
public final class WebhookSignature {

    public static final String HEADER = "Airlock-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The header value for {@code body} sent at {@code unixSeconds}. */
    public static String header(String key, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(key, unixSeconds + "." + body);
    }

    /** Lower-case hex HMAC-SHA256 of the UTF-8 {@code message} under the UTF-8 {@code key}. */
    public static String hmacHex(String key, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides " + ALGORITHM, e);
        }
    }
}
