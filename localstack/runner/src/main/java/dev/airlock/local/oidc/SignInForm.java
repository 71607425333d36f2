package dev.airlock.local.oidc;

import dev.airlock.local.DemoUsers;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the sign-in form submitted: a demo user's button, a typed name and groups, or "deny". The
 * names become token claims, so they follow the rules of the JSON token endpoint: 1-256 printable
 * characters without spaces, at most 100 groups.
 */
record SignInForm(Optional<SignedIn> signedIn, String typedUser, String typedGroups) {

    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_GROUPS = 100;

    /** A submission that could not be accepted: shown again with the message and what was typed. */
    static final class Invalid extends RuntimeException {
        private final transient SignInForm form;

        Invalid(String message, SignInForm form) {
            super(message, null, false, false);
            this.form = form;
        }

        SignInForm form() {
            return form;
        }
    }

    boolean denied() {
        return signedIn.isEmpty();
    }

    static SignInForm parse(Map<String, List<String>> form, DemoUsers demoUsers, Instant now) {
        String typedUser = OidcHttp.single(form, "user").orElse("").trim();
        String typedGroups = OidcHttp.single(form, "groups").orElse("").trim();
        SignInForm asTyped = new SignInForm(Optional.empty(), typedUser, typedGroups);
        if (OidcHttp.single(form, "action").orElse("").equals("deny")) {
            return asTyped;
        }
        Optional<String> demo = OidcHttp.single(form, "demo_user");
        if (demo.isPresent()) {
            List<String> groups = demoUsers.groupsOf(demo.get()).orElseThrow(() ->
                    new Invalid("no such demo user", asTyped));
            return new SignInForm(Optional.of(new SignedIn(demo.get(), groups, now)), typedUser, typedGroups);
        }
        if (!validName(typedUser)) {
            throw new Invalid("a user name is 1-" + MAX_NAME_LENGTH + " printable characters without spaces", asTyped);
        }
        List<String> groups = typedGroups.isEmpty() ? List.of() : Arrays.asList(typedGroups.split("[,\\s]+"));
        if (groups.size() > MAX_GROUPS || !groups.stream().allMatch(SignInForm::validName)) {
            throw new Invalid("groups are separated by commas or spaces; each is 1-" + MAX_NAME_LENGTH
                    + " printable characters; at most " + MAX_GROUPS, asTyped);
        }
        return new SignInForm(Optional.of(new SignedIn(typedUser, groups, now)), typedUser, typedGroups);
    }

    private static boolean validName(String name) {
        return !name.isEmpty() && name.length() <= MAX_NAME_LENGTH && name.chars().allMatch(c -> c > 0x20 && c != 0x7f);
    }
}
