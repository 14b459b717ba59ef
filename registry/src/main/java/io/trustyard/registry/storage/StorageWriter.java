package io.trustyard.registry.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Appends to a stored file. {@link #close()} keeps what was written so far (a later writer in append
 * mode continues it); {@link #cancel()} removes the file.
 */
public interface StorageWriter extends Closeable {
  void write(ByteBuffer data) throws IOException;

  /** Bytes in the file, including what was there before an append. */
  long size();

  void cancel() throws IOException;
}
