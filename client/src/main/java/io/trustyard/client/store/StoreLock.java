package io.trustyard.client.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive access to a store across processes (a file lock) and across threads of this process
 * (file locks are per process, so threads queue on a plain lock first).
 */
final class StoreLock implements AutoCloseable {

  private static final ReentrantLock IN_PROCESS = new ReentrantLock();
  private final FileChannel channel;
  private final FileLock lock;

  private StoreLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static StoreLock acquire(Path lockFile) throws IOException {
    IN_PROCESS.lock();
    if (IN_PROCESS.getHoldCount() > 1) {
      IN_PROCESS.unlock();
      throw new IllegalStateException("the image store lock is not re-entrant");
    }
    try {
      FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new StoreLock(channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      IN_PROCESS.unlock();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
      channel.close();
    } finally {
      IN_PROCESS.unlock();
    }
  }
}
