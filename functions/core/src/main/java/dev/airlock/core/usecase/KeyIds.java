package dev.airlock.core.usecase;

import dev.airlock.ssh.SshCertificateBuilder;

import java.util.List;
import java.util.Optional;

/**
 * The certificate key id: {@code user=<user> [request=<id>] roles=<r1,r2> serial=<n>}. sshd logs it
 * on every login with the certificate, so its logs name who logged in under which request (after
 * Netflix BLESS). Always within {@link SshCertificateBuilder#MAX_KEY_ID_CHARS}: the user name is
 * clipped and a long role list ends in {@code +<count>} (the audit record has everything).
 */
final class KeyIds {

    /** Longest user name written into a key id. */
    static final int MAX_USER_CHARS = 128;

    private KeyIds() {
    }

    static String of(String user, Optional<String> requestId, List<String> roles, String serial) {
        String name = Printable.token(user.length() > MAX_USER_CHARS ? user.substring(0, MAX_USER_CHARS) : user);
        String head = "user=" + name + requestId.map(id -> " request=" + id).orElse("") + " roles=";
        String tail = " serial=" + serial;
        int budget = SshCertificateBuilder.MAX_KEY_ID_CHARS - head.length() - tail.length();
        return head + joinWithin(roles, budget) + tail;
    }

    /** Roles joined by commas in at most {@code budget} characters, the overflow counted as {@code +n}. */
    static String joinWithin(List<String> roles, int budget) {
        if (roles.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < roles.size(); i++) {
            String next = (i == 0 ? "" : ",") + roles.get(i);
            String overflow = ",+" + (roles.size() - i - 1);
            boolean last = i == roles.size() - 1;
            if (out.length() + next.length() + (last ? 0 : overflow.length()) > budget) {
                return out + (i == 0 ? "+" : ",+") + (roles.size() - i);
            }
            out.append(next);
        }
        return out.toString();
    }
}
