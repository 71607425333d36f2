package dev.airlock.app.json;

import dev.airlock.core.port.IssuedCertificateRecord;
import dev.airlock.core.port.Page;
import dev.airlock.core.usecase.ListedCertificate;

import java.util.List;

/** The {@code GET /certificates} representation of docs/API.md. */
public final class ListedCertificateJson {

    private ListedCertificateJson() {
    }

    public static View of(ListedCertificate listed) {
        IssuedCertificateRecord c = listed.certificate();
        return new View(c.serial(), c.keyId(), c.principals(), c.roles(), c.validAfter().toString(),
                c.validBefore().toString(), c.requestId().orElse(null), listed.revoked(), listed.state().name());
    }

    public static PageView page(Page<ListedCertificate> page) {
        return new PageView(page.items().stream().map(ListedCertificateJson::of).toList(),
                page.nextCursor().orElse(null));
    }

    /** Field for field and in the order of docs/API.md; {@code requestId} is null for base roles only. */
    public record View(String serial, String keyId, List<String> principals, List<String> roles, String validAfter,
                       String validBefore, String requestId, boolean revoked, String state) {
    }

    /** One page: {@code nextCursor} null on the last, as {@code GET /requests}. */
    public record PageView(List<View> items, String nextCursor) {
    }
}
