package io.trustyard.client.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.client.trust.Changelist.Change;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangelistTest {

  @TempDir Path dir;

  @Test
  void changesStagedInQuickSuccessionApplyInTheOrderTheyWereMade() {
    Changelist changelist = new Changelist(new TrustDir(dir), "example.com/app");
    // Many changes within each clock tick: the names alone must keep their order.
    IntStream.range(0, 500).forEach(i -> changelist.add(target("t" + i)));

    assertThat(changelist.list()).extracting(Change::path)
        .containsExactlyElementsOf(IntStream.range(0, 500).mapToObj(i -> "t" + i).toList());
  }

  @Test
  void aChangeIsStagedAfterOneNamedLaterThanTheClock() throws IOException {
    TrustDir trustDir = new TrustDir(dir);
    Path changes = Files.createDirectories(trustDir.changelistDir("example.com/app"));
    // Staged by a machine whose clock ran ahead (notary's name: 20-digit nanoseconds, uuid).
    Files.writeString(changes.resolve("09000000000000000000_0f4b6a55-2b0c-4a4e-9b7e-1c2d3e4f5a6b.change"),
        "{\"action\":\"create\",\"role\":\"targets\",\"type\":\"target\",\"path\":\"ahead\",\"data\":null}");
    Changelist changelist = new Changelist(trustDir, "example.com/app");

    changelist.add(target("now"));

    assertThat(changelist.list()).extracting(Change::path).containsExactly("ahead", "now");
  }

  private static Change target(String name) {
    return new Change(Change.CREATE, "targets", Change.TYPE_TARGET, name, Optional.empty());
  }
}
