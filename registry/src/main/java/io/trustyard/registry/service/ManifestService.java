package io.trustyard.registry.service;

import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.ImageIndex;
import io.trustyard.core.oci.InvalidManifestException;
import io.trustyard.core.oci.Manifest;
import io.trustyard.core.oci.ManifestParser;
import io.trustyard.core.oci.MediaTypes;
import io.trustyard.core.oci.OciErrorCode;
import io.trustyard.core.oci.OciNames;
import io.trustyard.registry.storage.PathNotFoundException;
import io.trustyard.registry.storage.StorageDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Manifests and tags. Manifests are stored byte for byte in the global blob store and linked into
 * the repository's {@code _manifests/revisions}; a tag is a {@code current/link} plus an index entry
 * for every digest it ever pointed to, as in distribution.
 */
public final class ManifestService {
  private final StorageDriver storage;
  private final BlobService blobs;

  public ManifestService(StorageDriver storage, BlobService blobs) {
    this.storage = storage;
    this.blobs = blobs;
  }

  /** What a successful push produced. */
  public record PutResult(Digest digest, Digest subject) {}

  /**
   * Stores a manifest under a tag or a digest. The body is the exact bytes received (the caller
   * bounded its size); {@code contentType} may carry parameters.
   */
  public PutResult put(String repo, String reference, String contentType, byte[] body) {
    Digest urlDigest = null;
    String tag = null;
    if (reference.indexOf(':') >= 0) {
      urlDigest = References.digest(reference, OciErrorCode.DIGEST_INVALID);
    } else if (OciNames.isValidTag(reference)) {
      tag = reference;
    } else {
      throw new RegistryException(OciErrorCode.TAG_INVALID, "invalid tag '" + reference
          + "': tags are up to 128 characters of [A-Za-z0-9_.-] and do not start with '.' or '-'");
    }
    Manifest manifest;
    try {
      manifest = ManifestParser.parse(body, contentType);
    } catch (InvalidManifestException e) {
      if (e.tooLarge()) {
        throw RegistryException.withStatus(413, OciErrorCode.MANIFEST_INVALID, e.getMessage());
      }
      throw new RegistryException(OciErrorCode.MANIFEST_INVALID, "manifest invalid: " + e.getMessage());
    }
    Digest digest = urlDigest != null ? Digest.compute(urlDigest.algorithm(), body) : Digest.sha256(body);
    blobs.touch(digest);
    if (urlDigest != null && !urlDigest.equals(digest)) {
      throw new RegistryException(OciErrorCode.DIGEST_INVALID, "the manifest bytes hash to " + digest
          + ", not to " + urlDigest + " named in the URL", urlDigest.toString());
    }
    checkReferences(repo, manifest);
    try {
      String data = Layout.blobData(digest);
      if (!Links.exists(storage, data) || !Digest.compute(digest.algorithm(), read(data)).equals(digest)) {
        storage.putContent(data, body);
      }
      storage.putContent(Layout.manifestMediaType(digest), manifest.mediaType().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Links.write(storage, Layout.revisionLink(repo, digest), digest);
    if (tag != null) {
      Links.write(storage, Layout.tagIndexLink(repo, tag, digest), digest);
      Links.write(storage, Layout.tagCurrentLink(repo, tag), digest);
    }
    Descriptor subject = manifest.subject();
    return new PutResult(digest, subject == null ? null : subject.digest());
  }

  private void checkReferences(String repo, Manifest manifest) {
    List<RegistryException.Error> missing = new ArrayList<>();
    Set<Digest> seen = new LinkedHashSet<>();
    for (Descriptor d : manifest.references()) {
      if (!seen.add(d.digest())) {
        continue;
      }
      // Marker first, existence second: see GarbageCollector for why this order keeps pushes safe.
      blobs.touch(d.digest());
      boolean present = manifest instanceof ImageIndex
          ? hasManifest(repo, d.digest()) && Links.exists(storage, Layout.blobData(d.digest()))
          : blobs.isAvailable(repo, d.digest());
      if (!present) {
        missing.add(new RegistryException.Error(OciErrorCode.MANIFEST_BLOB_UNKNOWN,
            (manifest instanceof ImageIndex ? "manifest " : "blob ") + d.digest() + " is not in repository " + repo
                + "; push it first", d.digest().toString()));
      }
    }
    if (!missing.isEmpty()) {
      throw new RegistryException(missing, OciErrorCode.MANIFEST_BLOB_UNKNOWN.httpStatus());
    }
  }

  /** True if the manifest is linked in the repository. */
  public boolean hasManifest(String repo, Digest digest) {
    Digest link = Links.read(storage, Layout.revisionLink(repo, digest));
    return digest.equals(link);
  }

  /** The digest a tag or digest reference resolves to in {@code repo}. */
  public Digest resolve(String repo, String reference) {
    Digest digest;
    if (reference.indexOf(':') >= 0) {
      digest = References.digest(reference, OciErrorCode.DIGEST_INVALID);
    } else {
      if (!OciNames.isValidTag(reference)) {
        throw new RegistryException(OciErrorCode.TAG_INVALID, "invalid tag '" + reference + "'");
      }
      digest = Links.read(storage, Layout.tagCurrentLink(repo, reference));
      if (digest == null) {
        throw unknown(reference);
      }
    }
    if (!hasManifest(repo, digest)) {
      throw unknown(reference);
    }
    return digest;
  }

  /** The manifest's exact bytes; they are re-hashed on every read (manifests are small). */
  public StoredManifest get(String repo, String reference) {
    Digest digest = resolve(repo, reference);
    byte[] content;
    try {
      content = read(Layout.blobData(digest));
    } catch (PathNotFoundException e) {
      throw unknown(reference);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!Digest.compute(digest.algorithm(), content).equals(digest)) {
      throw new RegistryException(OciErrorCode.MANIFEST_UNKNOWN, "the stored manifest " + digest
          + " no longer matches its digest (corrupt or tampered on storage); push it again", digest.toString());
    }
    return new StoredManifest(digest, mediaType(digest, content), content);
  }

  private byte[] read(String path) throws IOException {
    return storage.getContent(path, ManifestParser.MAX_MANIFEST_BYTES);
  }

  /** The type it was pushed with; for manifests written by distribution, derived from the bytes. */
  String mediaType(Digest digest, byte[] content) {
    try {
      String stored = new String(storage.getContent(Layout.manifestMediaType(digest), 512), StandardCharsets.UTF_8);
      if (MediaTypes.isManifest(stored)) {
        return stored;
      }
    } catch (IOException e) {
      // fall through to the bytes
    }
    try {
      return ManifestParser.parse(content, null).mediaType();
    } catch (InvalidManifestException e) {
      return MediaTypes.OCI_MANIFEST;
    }
  }

  /**
   * Deletes a tag (reference is a tag) or a manifest and every tag pointing at it (a digest).
   */
  public void delete(String repo, String reference) {
    if (reference.indexOf(':') < 0) {
      if (!OciNames.isValidTag(reference)) {
        throw new RegistryException(OciErrorCode.TAG_INVALID, "invalid tag '" + reference + "'");
      }
      if (Links.read(storage, Layout.tagCurrentLink(repo, reference)) == null) {
        throw unknown(reference);
      }
      deleteQuietly(Layout.tagDir(repo, reference));
      return;
    }
    Digest digest = References.digest(reference, OciErrorCode.DIGEST_INVALID);
    if (!hasManifest(repo, digest)) {
      throw unknown(reference);
    }
    for (String tagDir : Links.children(storage, Layout.tagsDir(repo))) {
      String tag = Links.lastComponent(tagDir);
      if (digest.equals(Links.read(storage, Layout.tagCurrentLink(repo, tag)))) {
        deleteQuietly(tagDir);
      }
    }
    deleteQuietly(Layout.revisionDir(repo, digest));
  }

  /** Tags of a repository in ASCII order. */
  public List<String> tags(String repo) {
    return tagsPage(repo, null, null).items();
  }

  /**
   * One page of {@link #tags}: tags after {@code last}, at most {@code n} (null: all). Only the
   * page's tags (and the one after it) have their link read, so listing a large repository page by
   * page costs a directory listing per page, not a read of every tag.
   */
  public Pagination.Page tagsPage(String repo, Integer n, String last) {
    if (!Links.exists(storage, Layout.repository(repo))) {
      throw new RegistryException(OciErrorCode.NAME_UNKNOWN, "repository name not known to registry",
          java.util.Map.of("name", repo));
    }
    List<String> candidates = new ArrayList<>();
    for (String dir : Links.children(storage, Layout.tagsDir(repo))) {
      String tag = Links.lastComponent(dir);
      if (OciNames.isValidTag(tag) && (last == null || tag.compareTo(last) > 0)) {
        candidates.add(tag);
      }
    }
    candidates.sort(null);
    int limit = n == null ? Integer.MAX_VALUE : n;
    List<String> page = new ArrayList<>();
    int i = 0;
    for (; i < candidates.size() && page.size() < limit; i++) {
      if (isLive(repo, candidates.get(i))) {
        page.add(candidates.get(i));
      }
    }
    boolean more = false;
    for (; n != null && n > 0 && !more && i < candidates.size(); i++) {
      more = isLive(repo, candidates.get(i));
    }
    return new Pagination.Page(List.copyOf(page), more);
  }

  /** A tag directory counts only with a readable current link (a half-deleted tag has none). */
  private boolean isLive(String repo, String tag) {
    return Links.read(storage, Layout.tagCurrentLink(repo, tag)) != null;
  }

  /** Digests of every manifest linked in the repository. */
  public List<Digest> revisions(String repo) {
    List<Digest> out = new ArrayList<>();
    for (String algDir : Links.children(storage, Layout.revisionsDir(repo))) {
      for (String dir : Links.children(storage, algDir)) {
        Digest d = Links.read(storage, dir + "/link");
        if (d != null) {
          out.add(d);
        }
      }
    }
    return out;
  }

  private void deleteQuietly(String path) {
    try {
      storage.delete(path);
    } catch (PathNotFoundException e) {
      // already gone: the outcome is the same
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RegistryException unknown(String reference) {
    return new RegistryException(OciErrorCode.MANIFEST_UNKNOWN, "manifest unknown", java.util.Map.of(
        reference.indexOf(':') >= 0 ? "Digest" : "Tag", reference));
  }
}
