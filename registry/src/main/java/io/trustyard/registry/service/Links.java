package io.trustyard.registry.service;

import io.trustyard.core.digest.Digest;
import io.trustyard.core.digest.InvalidDigestException;
import io.trustyard.registry.storage.PathNotFoundException;
import io.trustyard.registry.storage.StorageDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Link files: small files holding a digest string, as distribution writes them. */
final class Links {
  private static final int MAX_LINK_BYTES = 1024;

  private Links() {}

  /** The digest in a link file, or null if it is missing or unreadable. */
  static Digest read(StorageDriver storage, String path) {
    try {
      String text = new String(storage.getContent(path, MAX_LINK_BYTES), StandardCharsets.UTF_8).trim();
      return Digest.parse(text);
    } catch (PathNotFoundException | InvalidDigestException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(StorageDriver storage, String path, Digest digest) {
    try {
      storage.putContent(path, digest.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Children of a directory, empty if it does not exist. */
  static List<String> children(StorageDriver storage, String dir) {
    try {
      return storage.list(dir);
    } catch (PathNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String lastComponent(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  static boolean exists(StorageDriver storage, String path) {
    try {
      storage.stat(path);
      return true;
    } catch (PathNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
