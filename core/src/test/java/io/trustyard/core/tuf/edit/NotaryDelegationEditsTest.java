package io.trustyard.core.tuf.edit;

import static io.trustyard.core.tuf.edit.TestRepository.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.model.DelegatedRole;
import io.trustyard.core.tuf.model.RoleNames;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The delegation edits of notary's staged changes: update, purge and witness (re-sign). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotaryDelegationEditsTest {
  private final TestRepository fixture = new TestRepository();
  private static final String RELEASES = "targets/releases";

  private DelegatedRole releases(Repository repo) {
    return repo.targets().signed().delegations().role(RELEASES).orElseThrow();
  }

  @Test
  void updateAddsAndRemovesKeysAndPathsAndMayLeaveTheDelegationBelowItsThreshold() {
    TufPublicKey second = TestKeys.ecdsa(7).publicKey();
    String first = fixture.releasesKey.publicKey().id();
    Repository repo = fixture.editor.edit(fixture.released)
        .updateDelegation(RELEASES, List.of(second), List.of(), List.of("beta/"), List.of(), false, 0).publish();
    assertThat(releases(repo).keyIds()).containsExactly(first, second.id());
    assertThat(releases(repo).paths()).containsExactly("releases/", "beta/");

    // Clearing paths then adding one; removing both keys leaves threshold 1 over no key, as notary allows.
    Repository keyless = fixture.editor.edit(repo)
        .updateDelegation(RELEASES, List.of(), List.of(first, second.id()), List.of("rc/"), List.of(), true, 0)
        .publish();
    assertThat(releases(keyless).keyIds()).isEmpty();
    assertThat(releases(keyless).threshold()).isEqualTo(1);
    assertThat(releases(keyless).paths()).containsExactly("rc/");
    assertThat(keyless.targets().signed().delegations().keys()).isEmpty();
    // Its old signatures no longer count: a strict verification refuses the delegation's metadata.
    assertThatThrownBy(() -> TestRepository.verify(keyless.files(), NOW))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.role()).isEqualTo(RELEASES))
        .hasMessageContaining("threshold 1");
  }

  @Test
  void aMissingDelegationIsCreatedOnlyWithKeys() {
    TufPublicKey key = TestKeys.ecdsa(8).publicKey();
    assertThatThrownBy(() -> fixture.editor.edit(fixture.released)
        .updateDelegation("targets/qa", List.of(), List.of(), List.of("qa/"), List.of(), false, 1))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.UNKNOWN_DELEGATION));
    Repository repo = fixture.editor.edit(fixture.released)
        .updateDelegation("targets/qa", List.of(key), List.of(), List.of("qa/"), List.of(), false, 1).publish();
    DelegatedRole qa = repo.targets().signed().delegations().role("targets/qa").orElseThrow();
    assertThat(qa.keyIds()).containsExactly(key.id());
    assertThat(qa.paths()).containsExactly("qa/");
  }

  @Test
  void purgeRemovesAKeyFromEveryDelegationByCanonicalId() {
    TufPublicKey shared = fixture.releasesKey.publicKey();
    Repository repo = fixture.editor.edit(fixture.released)
        .updateDelegation("targets/qa", List.of(shared), List.of(), List.of("qa/"), List.of(), false, 1).publish();
    Repository purged = fixture.editor.edit(repo).purgeDelegationKeys(List.of(shared.canonicalId())).publish();
    assertThat(purged.targets().signed().delegations().roles()).allSatisfy(r -> assertThat(r.keyIds()).isEmpty());
    assertThat(purged.targets().signed().delegations().keys()).isEmpty();
    // An unknown key ID changes nothing.
    assertThat(fixture.editor.edit(repo).purgeDelegationKeys(List.of("0".repeat(64))).changedRoles()).isEmpty();
  }

  @Test
  void witnessResignsOnlyRolesWithMetadata() {
    Repository resigned = fixture.editor.edit(fixture.released).resign(RoleNames.TARGETS).resign(RELEASES).publish();
    assertThat(resigned.targets().signed().version()).isEqualTo(fixture.released.targets().signed().version() + 1);
    assertThat(resigned.delegations().get(RELEASES).signed().targets())
        .isEqualTo(fixture.released.delegations().get(RELEASES).signed().targets());
    TufPublicKey key = TestKeys.ecdsa(9).publicKey();
    Repository withEmpty = fixture.editor.edit(fixture.released)
        .updateDelegation("targets/qa", List.of(key), List.of(), List.of("qa/"), List.of(), false, 1).publish();
    assertThatThrownBy(() -> fixture.editor.edit(withEmpty).resign("targets/qa"))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.UNKNOWN_DELEGATION));
  }
}
