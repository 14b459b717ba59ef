package io.trustyard.client.store;

import io.trustyard.client.VerificationException;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.digest.Digester;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.ImageIndex;
import io.trustyard.core.oci.ImageManifest;
import io.trustyard.core.oci.InvalidManifestException;
import io.trustyard.core.oci.Manifest;
import io.trustyard.core.oci.ManifestParser;
import io.trustyard.core.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The local image store: an OCI image layout ({@code oci-layout}, {@code index.json},
 * {@code blobs/<alg>/<hex>}). Images are index entries annotated with
 * {@code org.opencontainers.image.ref.name} = the full image name. Every change goes through a
 * {@link StoreTransaction}: new blobs are staged and verified first, then moved in and
 * {@code index.json} is replaced atomically, under a lock shared with other processes.
 */
public final class ImageStore {

  public static final String REF_NAME = "org.opencontainers.image.ref.name";
  public static final String CONTAINERD_NAME = "io.containerd.image.name";
  static final String LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}";
  private static final long MAX_INDEX = 64L << 20;

  private final Path root;

  private ImageStore(Path root) {
    this.root = root;
  }

  /** Opens (creating when needed) the store at {@code root}. */
  public static ImageStore open(Path root) {
    try {
      Files.createDirectories(root.resolve("blobs"));
      Files.createDirectories(root.resolve(".staging"));
      Path layout = root.resolve("oci-layout");
      if (!Files.exists(layout)) {
        Files.writeString(layout, LAYOUT);
      }
      if (!Files.exists(root.resolve("index.json"))) {
        ImageStore store = new ImageStore(root);
        try (StoreLock lock = store.lock()) {
          if (!Files.exists(root.resolve("index.json"))) {
            Layouts.writeAtomically(root.resolve("index.json"), Layouts.indexJson(List.of()));
          }
        }
      }
      return new ImageStore(root);
    } catch (IOException e) {
      throw new StoreException("cannot open the image store at " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * The store's default place: {@code TRUSTYARD_STORE}, else {@code $XDG_DATA_HOME/trustyard/images},
   * else {@code ~/.local/share/trustyard/images}.
   */
  public static Path defaultRoot(Map<String, String> env) {
    String explicit = env.get("TRUSTYARD_STORE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_DATA_HOME");
    Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".local", "share");
    return data.resolve("trustyard").resolve("images");
  }

  public Path root() {
    return root;
  }

  /** Every image, in index order. */
  public List<StoredImage> images() {
    List<StoredImage> out = new ArrayList<>();
    for (Descriptor d : Layouts.readIndex(root.resolve("index.json"), MAX_INDEX)) {
      String name = d.annotations().get(REF_NAME);
      if (name != null) {
        out.add(new StoredImage(name, d));
      }
    }
    return out;
  }

  /** The image of that exact (normalised) name. */
  public Optional<StoredImage> get(String name) {
    return images().stream().filter(i -> i.name().equals(name)).findFirst();
  }

  public boolean hasBlob(Digest digest) {
    return Files.isRegularFile(blobPath(digest));
  }

  /** Where a blob lives; the digest is validated, so the path never leaves the store. */
  public Path blobPath(Digest digest) {
    return root.resolve("blobs").resolve(digest.algorithm().id()).resolve(digest.hex());
  }

  /** Reads a small blob (a manifest or config) and checks it still hashes to its digest. */
  public byte[] readBlob(Digest digest, long max) {
    try {
      Path p = blobPath(digest);
      long size = Files.size(p);
      if (size > max) {
        throw new StoreException("blob " + digest + " in the store is " + size + " bytes, more than the "
            + max + " allowed here");
      }
      byte[] bytes = Files.readAllBytes(p);
      if (!digest.matches(bytes)) {
        throw new VerificationException(digest, "blob " + digest + " in the local store failed verification:"
            + " its content no longer matches its digest (remove the image and pull it again)");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new StoreException("blob " + digest + " is missing from the image store at " + root);
    } catch (IOException e) {
      throw new StoreException("cannot read blob " + digest + ": " + e.getMessage(), e);
    }
  }

  /** Copies a blob out, checking its digest on the bytes copied (throws after the copy if they differ). */
  public void copyBlob(Descriptor blob, OutputStream out) {
    try (InputStream in = Files.newInputStream(blobPath(blob.digest()))) {
      Digester digester = Digester.of(blob.digest().algorithm());
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digester.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      if (!digester.digest().equals(blob.digest()) || digester.count() != blob.size()) {
        throw new VerificationException(blob.digest(), "blob " + blob.digest()
            + " in the local store failed verification: its content no longer matches its descriptor");
      }
    } catch (NoSuchFileException e) {
      throw new StoreException("blob " + blob.digest() + " is missing from the image store at " + root);
    } catch (IOException e) {
      throw new StoreException("cannot read blob " + blob.digest() + ": " + e.getMessage(), e);
    }
  }

  /** Parses a stored manifest or index (verified on read). */
  public Manifest manifest(Descriptor descriptor) {
    byte[] bytes = readBlob(descriptor.digest(), ManifestParser.MAX_MANIFEST_BYTES);
    try {
      return ManifestParser.parse(bytes, descriptor.mediaType());
    } catch (InvalidManifestException e) {
      throw new StoreException("manifest " + descriptor.digest() + " in the store is invalid: " + e.getMessage());
    }
  }

  /** Starts a change; nothing is visible until {@link StoreTransaction#commit}. */
  public StoreTransaction begin() {
    return new StoreTransaction(this);
  }

  /** Gives an existing image another name. */
  public void tag(String existing, String newName) {
    StoredImage image = get(existing).orElseThrow(() -> new StoreException("no image " + existing
        + " in the store (see: trustyard image ls)"));
    try (StoreTransaction tx = begin()) {
      tx.setRef(newName, image.manifest());
      tx.commit();
    }
  }

  /** Removes a name; blobs no image needs any more are deleted. False when there was no such image. */
  public boolean remove(String name) {
    if (get(name).isEmpty()) {
      return false;
    }
    try (StoreTransaction tx = begin()) {
      tx.removeRef(name);
      tx.commit();
    }
    collectGarbage();
    return true;
  }

  /** Deletes blobs that no image reaches and staging areas no live change holds; returns blobs deleted. */
  public int collectGarbage() {
    try (StoreLock lock = lock()) {
      Set<Digest> live = new HashSet<>();
      Deque<Descriptor> todo = new ArrayDeque<>();
      images().forEach(i -> todo.add(i.manifest()));
      while (!todo.isEmpty()) {
        Descriptor d = todo.pop();
        if (!live.add(d.digest()) || !MediaTypes.isManifest(d.mediaType()) || !hasBlob(d.digest())) {
          continue;
        }
        Manifest m = manifest(d);
        if (m instanceof ImageIndex index) {
          todo.addAll(index.manifests());
        } else if (m instanceof ImageManifest image) {
          todo.add(image.config());
          todo.addAll(image.layers());
        }
      }
      int deleted = 0;
      try (DirectoryStream<Path> algorithms = Files.newDirectoryStream(root.resolve("blobs"))) {
        for (Path alg : algorithms) {
          try (DirectoryStream<Path> blobs = Files.newDirectoryStream(alg)) {
            for (Path blob : blobs) {
              String name = alg.getFileName() + ":" + blob.getFileName();
              if (!Digest.isValid(name) || !live.contains(Digest.parse(name))) {
                Files.deleteIfExists(blob);
                deleted++;
              }
            }
          }
        }
      }
      StoreTransaction.removeAbandonedStaging(root.resolve(".staging"));
      return deleted;
    } catch (IOException e) {
      throw new StoreException("cannot clean the image store: " + e.getMessage(), e);
    }
  }

  /** The store-wide lock: held while blobs move in and index.json changes, and during GC. */
  StoreLock lock() throws IOException {
    return StoreLock.acquire(root.resolve(".lock"));
  }

  /** Applies ref changes to index.json under the lock (the lock is held by the caller). */
  void rewriteIndex(Map<String, Descriptor> set, Set<String> removed) throws IOException {
    Path indexFile = root.resolve("index.json");
    List<Descriptor> entries = new ArrayList<>(Layouts.readIndex(indexFile, MAX_INDEX));
    Map<String, Descriptor> byName = new LinkedHashMap<>();
    List<Descriptor> unnamed = new ArrayList<>();
    for (Descriptor d : entries) {
      String name = d.annotations().get(REF_NAME);
      if (name == null) {
        unnamed.add(d);
      } else {
        byName.put(name, d);
      }
    }
    removed.forEach(byName::remove);
    set.forEach((name, d) -> {
      Map<String, String> annotations = new LinkedHashMap<>(d.annotations());
      annotations.put(REF_NAME, name);
      byName.put(name, DescriptorJson.withAnnotations(d, annotations));
    });
    List<Descriptor> all = new ArrayList<>(unnamed);
    all.addAll(byName.values());
    Layouts.writeAtomically(indexFile, Layouts.indexJson(all));
  }
}
