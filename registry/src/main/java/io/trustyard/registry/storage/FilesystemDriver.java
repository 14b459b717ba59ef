package io.trustyard.registry.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** Stores files under a root directory, like distribution's {@code filesystem} driver. */
public final class FilesystemDriver implements StorageDriver {
  private static final int MAX_OPEN_ATTEMPTS = 5;
  private static final int TRANSFER_BUFFER = 1 << 20;
  private final Path root;
  private final boolean unixAttributes;

  public FilesystemDriver(Path root) throws IOException {
    this.root = Files.createDirectories(root).toRealPath();
    this.unixAttributes = this.root.getFileSystem().supportedFileAttributeViews().contains("unix");
  }

  public Path root() {
    return root;
  }

  @Override
  public String name() {
    return "filesystem";
  }

  /** The local file for a driver path (tests and tools use it to look at storage directly). */
  public Path resolve(String path) {
    StoragePaths.check(path);
    return path.equals("/") ? root : root.resolve(path.substring(1));
  }

  @Override
  public FileInfo stat(String path) throws IOException {
    return info(path, resolve(path));
  }

  private FileInfo info(String path, Path file) throws IOException {
    try {
      if (unixAttributes) {
        Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,isDirectory,ino,dev,ctime",
            LinkOption.NOFOLLOW_LINKS);
        FileTime mtime = (FileTime) a.get("lastModifiedTime");
        FileTime ctime = (FileTime) a.get("ctime");
        String version = a.get("dev") + ":" + a.get("ino") + ":" + ctime.toInstant() + ":" + mtime.toInstant()
            + ":" + a.get("size");
        return new FileInfo(path, (Long) a.get("size"), mtime.toInstant(), (Boolean) a.get("isDirectory"), version);
      }
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      String version = a.fileKey() + ":" + a.lastModifiedTime().toInstant() + ":" + a.size();
      return new FileInfo(path, a.size(), a.lastModifiedTime().toInstant(), a.isDirectory(), version);
    } catch (NoSuchFileException e) {
      throw new PathNotFoundException(path);
    }
  }

  @Override
  public byte[] getContent(String path, int maxBytes) throws IOException {
    Path file = resolve(path);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > maxBytes) {
        throw new IOException(path + " is larger than " + maxBytes + " bytes");
      }
      ByteBuffer buf = ByteBuffer.allocate((int) size);
      while (buf.hasRemaining() && ch.read(buf) >= 0) {
        // keep reading
      }
      if (buf.hasRemaining()) {
        throw new IOException(path + " shrank while it was read");
      }
      return buf.array();
    } catch (NoSuchFileException e) {
      throw new PathNotFoundException(path);
    }
  }

  @Override
  public void putContent(String path, byte[] content) throws IOException {
    Path file = resolve(path);
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      atomicMove(tmp, file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public ReadHandle open(String path) throws IOException {
    Path file = resolve(path);
    // stat, open, stat again: the info must describe the file the channel holds.
    for (int attempt = 0; attempt < MAX_OPEN_ATTEMPTS; attempt++) {
      FileInfo before = info(path, file);
      if (before.directory()) {
        throw new IOException(path + " is a directory");
      }
      FileChannel ch;
      try {
        ch = FileChannel.open(file, StandardOpenOption.READ);
      } catch (NoSuchFileException e) {
        throw new PathNotFoundException(path);
      }
      FileInfo after;
      try {
        after = info(path, file);
      } catch (IOException e) {
        ch.close();
        throw e;
      }
      if (before.version().equals(after.version()) && ch.size() == after.size()) {
        return new FileHandle(ch, after);
      }
      ch.close();
    }
    throw new IOException(path + " keeps changing while it is opened");
  }

  private static final class FileHandle implements ReadHandle {
    private final FileChannel channel;
    private final FileInfo info;

    FileHandle(FileChannel channel, FileInfo info) {
      this.channel = channel;
      this.info = info;
    }

    @Override
    public FileInfo info() {
      return info;
    }

    @Override
    public InputStream stream(long offset) throws IOException {
      // A shared channel has one position; positional reads keep handles independent.
      return new InputStream() {
        private long pos = offset;

        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (len == 0) {
            return 0;
          }
          int n = channel.read(ByteBuffer.wrap(b, off, len), pos);
          if (n > 0) {
            pos += n;
          }
          return n;
        }
      };
    }

    @Override
    public long transferTo(long offset, long length, OutputStream out) throws IOException {
      // FileChannel.transferTo into a stream-backed channel copies 8 KiB at a time, and each small write
      // costs the HTTP server a flush: large positional reads and large writes serve several times faster.
      byte[] buf = new byte[(int) Math.min(TRANSFER_BUFFER, Math.max(1, length))];
      ByteBuffer view = ByteBuffer.wrap(buf);
      long done = 0;
      while (done < length) {
        view.clear().limit((int) Math.min(buf.length, length - done));
        int n = channel.read(view, offset + done);
        if (n < 0) {
          throw new IOException(info.path() + " ended " + (length - done) + " bytes early");
        }
        out.write(buf, 0, n);
        done += n;
      }
      return done;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  @Override
  public StorageWriter writer(String path, boolean append) throws IOException {
    Path file = resolve(path);
    Files.createDirectories(file.getParent());
    FileChannel ch = append
        ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
        : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    long start = ch.size();
    return new StorageWriter() {
      private long size = start;

      @Override
      public void write(ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
          size += ch.write(data);
        }
      }

      @Override
      public long size() {
        return size;
      }

      @Override
      public void cancel() throws IOException {
        ch.close();
        Files.deleteIfExists(file);
      }

      @Override
      public void close() throws IOException {
        if (ch.isOpen()) {
          // Only what this writer added needs syncing; an empty writer (a new upload) costs no fsync.
          if (size != start) {
            ch.force(false);
          }
          ch.close();
        }
      }
    };
  }

  @Override
  public List<String> list(String path) throws IOException {
    Path dir = resolve(path);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new PathNotFoundException(path);
    }
    String prefix = path.endsWith("/") ? path : path + "/";
    List<String> out = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      children.forEach(c -> {
        String name = c.getFileName().toString();
        if (!(name.startsWith(".") && name.endsWith(".tmp"))) {
          out.add(prefix + name);
        }
      });
    } catch (NoSuchFileException e) {
      throw new PathNotFoundException(path);
    }
    out.sort(null);
    return out;
  }

  @Override
  public void move(String source, String destination) throws IOException {
    Path from = resolve(source);
    Path to = resolve(destination);
    if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
      throw new PathNotFoundException(source);
    }
    Files.createDirectories(to.getParent());
    atomicMove(from, to);
  }

  private static void atomicMove(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public void delete(String path) throws IOException {
    Path target = resolve(path);
    if (target.equals(root)) {
      throw new IllegalArgumentException("refusing to delete the storage root");
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new PathNotFoundException(path);
    }
    Files.walkFileTree(target, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        try {
          Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
          // Something was written concurrently; leave it.
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) {
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
