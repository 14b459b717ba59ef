package io.trustyard.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemDriverTest extends StorageDriverContract {
  @TempDir Path dir;

  @Override
  protected StorageDriver driver() throws Exception {
    return new FilesystemDriver(dir.resolve("root"));
  }

  @Test
  void pathsMapOntoTheRootDirectory() throws Exception {
    FilesystemDriver d = new FilesystemDriver(dir.resolve("root"));
    d.putContent("/docker/registry/v2/blobs/x", "x".getBytes());
    assertThat(Files.readString(dir.resolve("root/docker/registry/v2/blobs/x"))).isEqualTo("x");
  }
}
