package io.trustyard.client.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks an image archive (tar, optionally gzip-compressed) into a directory. Only regular files
 * and directories are written; names that would leave the directory are refused; links (docker
 * save links duplicate layers) become copies of their target inside the archive.
 */
final class ArchiveExtractor {

  private ArchiveExtractor() {}

  static void extract(Path archive, Path into) throws IOException {
    Files.createDirectories(into);
    Map<Path, String> links = new LinkedHashMap<>();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
        TarReader tar = new TarReader(maybeGunzip(raw))) {
      TarReader.Entry e;
      while ((e = tar.next()) != null) {
        Path target = safe(into, e.name());
        if (target == null) {
          continue;
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else if (e.isFile()) {
          Files.createDirectories(target.getParent());
          Files.copy(tar.content(), target, StandardCopyOption.REPLACE_EXISTING);
        } else if (e.isSymlink()) {
          String resolved = target.getParent().resolve(e.linkName()).normalize().toString();
          links.put(target, resolved);
        } else if (e.isHardlink()) {
          Path linked = safe(into, e.linkName());
          if (linked != null) {
            links.put(target, linked.toString());
          }
        }
      }
    }
    for (Map.Entry<Path, String> link : links.entrySet()) {
      Path source = Path.of(link.getValue()).normalize();
      if (source.startsWith(into) && Files.isRegularFile(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(link.getKey().getParent());
        Files.copy(source, link.getKey(), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  static InputStream maybeGunzip(InputStream in) throws IOException {
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in)) : in;
  }

  /** The entry's path inside {@code root}, or null for the root itself; throws for escapes. */
  private static Path safe(Path root, String name) throws IOException {
    String n = name;
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    if (n.isEmpty() || n.equals(".")) {
      return null;
    }
    if (n.startsWith("/") || n.contains("\0")) {
      throw new IOException("archive entry '" + name + "' has an absolute path; refusing the archive");
    }
    Path p = root.resolve(n).normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new IOException("archive entry '" + name + "' points outside the archive; refusing it");
    }
    return p;
  }
}
