package io.trustyard.client.store;

import io.trustyard.client.VerificationException;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.digest.Digester;
import io.trustyard.core.oci.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A change to the store. Blobs are written to a private staging directory inside the store (same
 * file system, so the final move is a rename) and verified there; {@link #commit} moves them in and
 * replaces index.json atomically. Closing without commit, or a failed commit, leaves the store as
 * it was: staged files are deleted, and blobs this commit had moved in are taken out again.
 */
public final class StoreTransaction implements AutoCloseable {

  private final ImageStore store;
  private final Path staging;
  private final FileChannel holdChannel;
  private final FileLock hold;
  private final Map<Digest, Path> staged = new LinkedHashMap<>();
  private final Map<String, Descriptor> refs = new LinkedHashMap<>();
  private final Set<String> removed = new HashSet<>();
  private int counter;
  private boolean done;

  StoreTransaction(ImageStore store) {
    this.store = store;
    // Under the store lock, so no one sweeps this staging area between its creation and its hold.
    try (StoreLock lock = store.lock()) {
      // What a killed process left behind goes first, so a dead pull leaves no trace for long.
      removeAbandonedStaging(store.root().resolve(".staging"));
      this.staging = Files.createTempDirectory(store.root().resolve(".staging"), "tx");
      // Held for the transaction's life so a sweep knows the staging area is alive.
      this.holdChannel = FileChannel.open(staging.resolve(".hold"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      this.hold = holdChannel.lock();
    } catch (IOException e) {
      throw new StoreException("cannot write to the image store at " + store.root() + ": " + e.getMessage(), e);
    }
  }

  /** A fresh path in the staging area for the caller to write a blob to. */
  public Path newFile() {
    return staging.resolve("blob-" + (counter++));
  }

  /** True when the store (or this change) already has the blob. */
  public boolean hasBlob(Digest digest) {
    return staged.containsKey(digest) || store.hasBlob(digest);
  }

  /**
   * Stages a blob the caller wrote to {@link #newFile()}: its size and digest are checked here,
   * on the bytes on disk; a mismatch deletes it and throws.
   */
  public void addBlob(Descriptor expected, Path file) {
    requireOpen();
    if (!file.toAbsolutePath().getParent().equals(staging.toAbsolutePath())) {
      throw new IllegalArgumentException("blobs must be written to a path from newFile()");
    }
    try {
      Digester digester = Digester.of(expected.digest().algorithm());
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
          digester.update(buffer, 0, n);
        }
      }
      Digest actual = digester.digest();
      if (!actual.equals(expected.digest()) || digester.count() != expected.size()) {
        Files.deleteIfExists(file);
        throw new VerificationException(expected.digest(), "blob " + expected.digest()
            + " failed verification: its content hashes to " + actual + " (" + digester.count()
            + " bytes, expected " + expected.size() + ")");
      }
      if (hasBlob(expected.digest())) {
        Files.deleteIfExists(file);
      } else {
        staged.put(expected.digest(), file);
      }
    } catch (IOException e) {
      throw new StoreException("cannot stage blob " + expected.digest() + ": " + e.getMessage(), e);
    }
  }

  /** Stages a small blob given as bytes and returns its descriptor. */
  public Descriptor addBlob(String mediaType, byte[] content) {
    Descriptor d = Descriptor.of(mediaType, Digest.sha256(content), content.length);
    Path file = newFile();
    try {
      Files.write(file, content, StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new StoreException("cannot stage blob " + d.digest() + ": " + e.getMessage(), e);
    }
    addBlob(d, file);
    return d;
  }

  /** Names an image (replacing what the name pointed to). */
  public void setRef(String name, Descriptor manifest) {
    requireOpen();
    removed.remove(name);
    refs.put(name, manifest);
  }

  public void removeRef(String name) {
    requireOpen();
    refs.remove(name);
    removed.add(name);
  }

  /** Makes the change visible: moves the staged blobs in, then replaces index.json. */
  public void commit() {
    requireOpen();
    List<Path> movedIn = new ArrayList<>();
    try (StoreLock lock = store.lock()) {
      try {
        for (Map.Entry<Digest, Path> e : staged.entrySet()) {
          Path target = store.blobPath(e.getKey());
          if (Files.exists(target)) {
            continue;
          }
          Files.createDirectories(target.getParent());
          Layouts.moveAtomically(e.getValue(), target);
          movedIn.add(target);
        }
        for (Descriptor d : refs.values()) {
          if (!store.hasBlob(d.digest())) {
            throw new StoreException("cannot name an image whose manifest " + d.digest() + " is not in the store");
          }
        }
        if (!refs.isEmpty() || !removed.isEmpty()) {
          store.rewriteIndex(refs, removed);
        }
        done = true;
      } finally {
        if (!done) {
          for (Path p : movedIn) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot update the image store at " + store.root() + ": " + e.getMessage(), e);
    } finally {
      cleanUp();
    }
  }

  /** Discards the change unless it was committed. */
  @Override
  public void close() {
    if (!done) {
      done = true;
      cleanUp();
    }
  }

  private void requireOpen() {
    if (done) {
      throw new IllegalStateException("store transaction already finished");
    }
  }

  private void cleanUp() {
    try {
      hold.release();
      holdChannel.close();
      deleteTree(staging);
    } catch (IOException e) {
      // A leftover staging directory is removed by the next garbage collection.
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Deletes staging directories whose owner is gone (its hold lock can be taken). */
  static void removeAbandonedStaging(Path stagingRoot) throws IOException {
    if (!Files.isDirectory(stagingRoot)) {
      return;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(stagingRoot)) {
      for (Path dir : dirs) {
        boolean abandoned;
        if (!Files.exists(dir.resolve(".hold"))) {
          continue;
        }
        try (FileChannel ch = FileChannel.open(dir.resolve(".hold"), StandardOpenOption.WRITE)) {
          FileLock probe = ch.tryLock();
          abandoned = probe != null;
          if (probe != null) {
            probe.release();
          }
        } catch (OverlappingFileLockException | java.nio.file.NoSuchFileException e) {
          abandoned = false;
        }
        if (abandoned) {
          deleteTree(dir);
        }
      }
    }
  }
}
