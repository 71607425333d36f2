package dev.airlock.domain.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.InternalException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleSetTest {

    private static Role plain(String name) {
        return new Role(name, RoleOptions.DEFAULTS, RoleConditions.NONE, RoleConditions.NONE);
    }

    private static Role requesting(String name, String... roles) {
        RoleConditions allow = new RoleConditions(List.of(),
                new RequestConditions(List.of(roles), Optional.empty(), ReasonMode.OPTIONAL, List.of()),
                ReviewConditions.NONE);
        return new Role(name, RoleOptions.DEFAULTS, allow, RoleConditions.NONE);
    }

    @Test
    void of_indexesByNameSorted() {
        RoleSet set = RoleSet.of(plain("dba"), requesting("contractor", "dba"));

        assertThat(set.names()).containsExactly("contractor", "dba");
        assertThat(set.contains("dba")).isTrue();
        assertThat(set.get("nope")).isEmpty();
        assertThat(set.require("contractor").allow().request().roles()).containsExactly("dba");
        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void of_refusesDuplicatesAndDanglingReferences() {
        assertThatIllegalArgumentException().isThrownBy(() -> RoleSet.of(plain("dba"), plain("dba")))
                .withMessageContaining("duplicate role 'dba'");
        assertThatIllegalArgumentException().isThrownBy(() -> RoleSet.of(requesting("contractor", "dba")))
                .withMessageContaining("undefined role 'dba'");
    }

    @Test
    void require_undefinedRole_isInternal() {
        assertThatThrownBy(() -> RoleSet.of(plain("dba")).require("ghost"))
                .isInstanceOf(InternalException.class)
                .extracting(e -> ((AirlockException) e).code()).isEqualTo("role_undefined");
    }

    @Test
    void roleConfig_refusesMappingToUndefinedRole() {
        RoleSet set = RoleSet.of(plain("dba"));

        assertThatIllegalArgumentException().isThrownBy(() ->
                new RoleConfig(set, List.of(new ClaimMapping("groups", "x", List.of("ghost")))));
    }

    @Test
    void role_refusesBadNameAndThresholdBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> plain("has space"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Threshold(0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Threshold(1, 0));
    }

    @Test
    void identity_sortsRolesAndRefusesBlankUser() {
        assertThat(new Identity("alice", java.util.Set.of("b", "a")).roles()).containsExactly("a", "b");
        assertThatIllegalArgumentException().isThrownBy(() -> new Identity(" ", java.util.Set.of()));
    }
}
