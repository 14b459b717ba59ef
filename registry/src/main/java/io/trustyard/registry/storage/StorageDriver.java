package io.trustyard.registry.storage;

import java.io.IOException;
import java.util.List;

/**
 * Where the registry keeps its files, in distribution's layout. Implementations are safe for
 * concurrent use, and several processes may share one storage.
 */
public interface StorageDriver {
  /** A short name for logs and metrics, e.g. {@code filesystem}. */
  String name();

  /** @throws PathNotFoundException if nothing is stored at {@code path} */
  FileInfo stat(String path) throws IOException;

  /**
   * The whole content of a small file.
   *
   * @throws IOException if the file is larger than {@code maxBytes}
   */
  byte[] getContent(String path, int maxBytes) throws IOException;

  /** Stores {@code content} at {@code path} atomically (readers see the old or the new content). */
  void putContent(String path, byte[] content) throws IOException;

  /** Opens a file for reading. */
  ReadHandle open(String path) throws IOException;

  /** Opens a writer, truncating unless {@code append}. */
  StorageWriter writer(String path, boolean append) throws IOException;

  /** Full paths of the direct children of a directory; a missing directory throws PathNotFound. */
  List<String> list(String path) throws IOException;

  /** Moves a file, replacing the destination. */
  void move(String source, String destination) throws IOException;

  /** Deletes a file or a directory tree; a missing path throws PathNotFound. */
  void delete(String path) throws IOException;
}
