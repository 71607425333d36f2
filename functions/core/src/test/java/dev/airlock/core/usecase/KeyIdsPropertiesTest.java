package dev.airlock.core.usecase;

import dev.airlock.core.testing.TestKeys;
import dev.airlock.ssh.SshCertificateBuilder;
import dev.airlock.ssh.SshPublicKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Whatever the user name and roles, the key id fits the certificate and splits back into its fields. */
class KeyIdsPropertiesTest {

    private static final SshPublicKey SUBJECT = SshPublicKey.parse(TestKeys.ed25519PublicKeyLine());

    @Property(tries = 300)
    void keyIdFitsTheCertificateAndKeepsItsShape(@ForAll @StringLength(max = 300) String user,
                                                 @ForAll("roleLists") List<String> roles,
                                                 @ForAll boolean underRequest, @ForAll long serial) {
        Optional<String> requestId = underRequest ? Optional.of(UUID.randomUUID().toString()) : Optional.empty();
        String serialText = Long.toUnsignedString(serial);

        String keyId = KeyIds.of(user, requestId, roles, serialText);

        assertThat(keyId.length()).isLessThanOrEqualTo(SshCertificateBuilder.MAX_KEY_ID_CHARS);
        assertThat(keyId.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        String[] fields = keyId.split(" ", -1);
        assertThat(fields).hasSize(underRequest ? 4 : 3);
        assertThat(fields[0]).startsWith("user=");
        if (underRequest) {
            assertThat(fields[1]).isEqualTo("request=" + requestId.get());
        }
        assertThat(fields[fields.length - 1]).isEqualTo("serial=" + serialText);
        String listed = fields[fields.length - 2].substring("roles=".length());
        String all = roles.isEmpty() ? "-" : String.join(",", roles);
        int plus = listed.indexOf('+');
        Statistics.label("role list cut").collect(plus >= 0);
        // guards the property itself: it would prove little if no generated role list were ever cut
        Statistics.label("role list cut").coverage(c -> {
            c.check(true).count(n -> n >= 10);
            c.check(false).count(n -> n >= 10);
        });
        if (plus < 0) {
            assertThat(listed).isEqualTo(all);
        } else {
            // cut only when everything would not fit, and the overflow is counted, never silently dropped
            assertThat(keyId.length() - listed.length() + all.length()).isGreaterThan(SshCertificateBuilder.MAX_KEY_ID_CHARS);
            List<String> kept = plus == 0 ? List.of() : List.of(listed.substring(0, plus - 1).split(","));
            assertThat(roles.subList(0, kept.size())).isEqualTo(kept);
            assertThat(Integer.parseInt(listed.substring(plus + 1))).isEqualTo(roles.size() - kept.size());
        }
        assertThatCode(() -> SshCertificateBuilder.userCertificate(SUBJECT).keyId(keyId)).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<List<String>> roleLists() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-', '.', '_')
                .ofMinLength(1).ofMaxLength(64).filter(n -> Character.isLetterOrDigit(n.charAt(0)));
        return name.list().ofMaxSize(40);
    }
}
