package io.trustyard.client.registry;

import io.trustyard.client.registry.RegistryException.Kind;
import io.trustyard.client.VerificationException;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.digest.Digester;
import io.trustyard.core.digest.InvalidDigestException;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.ManifestParser;
import io.trustyard.core.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * One repository on one registry: blobs and manifests. Everything read is checked against the
 * digest it was asked for, on the bytes actually received, before it is handed on.
 */
public final class RepositoryClient {

  /** A manifest as the registry sent it: exact bytes, its content type and its digest. */
  public record ManifestResponse(byte[] bytes, String mediaType, Digest digest) {}

  /** What a HEAD on a manifest tells: digest, size and type, as the registry claims them. */
  public record ManifestHead(Digest digest, long size, String mediaType) {}

  private static final int BUFFER = 64 * 1024;
  private final RegistryTransport transport;
  private final String repository;
  private final Set<String> scopes;
  private final long chunkSize;

  RepositoryClient(RegistryTransport transport, String repository, boolean push, long chunkSize) {
    this.transport = transport;
    this.repository = repository;
    this.scopes = Set.of("repository:" + repository + ":" + (push ? "pull,push" : "pull"));
    this.chunkSize = chunkSize;
  }

  public String host() {
    return transport.host();
  }

  public String repository() {
    return repository;
  }

  /** Checks that the registry answers and that we may talk to it. */
  public void ping() {
    transport.ping();
  }

  /** The size of a blob in this repository, or empty when the registry does not have it here. */
  public Optional<Long> blobSize(Digest digest) {
    HttpResponse<InputStream> r = send(request("blobs/" + digest).method("HEAD",
        HttpRequest.BodyPublishers.noBody()), scopes);
    RegistryTransport.close(r);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      throw failure("blob " + digest, r, new byte[0]);
    }
    return Optional.of(r.headers().firstValueAsLong("Content-Length").orElse(-1));
  }

  /**
   * Downloads a blob into {@code destination} (created, must not exist), reading at most the
   * descriptor's size and checking size and digest. On any failure the file is deleted.
   */
  public void fetchBlob(Descriptor blob, Path destination, LongConsumer progress) {
    HttpResponse<InputStream> r = send(request("blobs/" + blob.digest()).GET(), scopes);
    if (r.statusCode() != 200) {
      throw failure("blob " + blob.digest(), r, RegistryTransport.readBounded(r));
    }
    boolean ok = false;
    try (InputStream in = r.body();
        OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW)) {
      Digester digester = Digester.of(blob.digest().algorithm());
      byte[] buffer = new byte[BUFFER];
      long total = 0;
      int n;
      while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, blob.size() - total + 1))) > 0) {
        total += n;
        if (total > blob.size()) {
          throw new VerificationException(blob.digest(), "blob " + blob.digest() + " failed verification: "
              + "the registry sent more than the " + blob.size() + " bytes its descriptor allows");
        }
        digester.update(buffer, 0, n);
        out.write(buffer, 0, n);
        progress.accept(total);
      }
      if (total != blob.size()) {
        throw new VerificationException(blob.digest(), "blob " + blob.digest() + " failed verification: "
            + "the registry sent " + total + " bytes, its descriptor says " + blob.size());
      }
      Digest actual = digester.digest();
      if (!actual.equals(blob.digest())) {
        throw new VerificationException(blob.digest(), "blob " + blob.digest() + " failed verification: "
            + "the content received hashes to " + actual);
      }
      ok = true;
    } catch (IOException e) {
      throw RegistryErrors.io(host(), e);
    } finally {
      if (!ok) {
        try {
          Files.deleteIfExists(destination);
        } catch (IOException ignored) {
          // The caller's staging area is removed as a whole.
        }
      }
    }
  }

  /** Asks the registry to link a blob from another repository; false when it opened an upload instead. */
  public boolean mountBlob(Digest digest, String fromRepository) {
    Set<String> both = Set.of(scopes.iterator().next(), "repository:" + fromRepository + ":pull");
    HttpResponse<InputStream> r = send(request("blobs/uploads/?mount=" + digest + "&from="
        + URLEncoder.encode(fromRepository, StandardCharsets.UTF_8)).POST(HttpRequest.BodyPublishers.noBody()),
        both);
    byte[] body = RegistryTransport.readBounded(r);
    if (r.statusCode() == 201) {
      checkDigestHeader(r, digest, "blob " + digest);
      return true;
    }
    if (r.statusCode() == 202) {
      // The registry opened an upload session instead; cancel it rather than leave it dangling.
      r.headers().firstValue("Location").ifPresent(loc -> RegistryTransport.close(send(
          HttpRequest.newBuilder(transport.resolve(loc)).DELETE(), both)));
      return false;
    }
    throw failure("mount of blob " + digest + " from " + fromRepository, r, body);
  }

  /** Uploads a blob from a file: monolithic, or in chunks when a chunk size was set. */
  public void uploadBlob(Descriptor blob, Path file, LongConsumer progress) {
    String what = "upload of blob " + blob.digest();
    HttpResponse<InputStream> start = send(request("blobs/uploads/").POST(HttpRequest.BodyPublishers.noBody()),
        scopes);
    byte[] body = RegistryTransport.readBounded(start);
    if (start.statusCode() != 202) {
      throw failure(what, start, body);
    }
    URI location = location(start, what);
    long size = blob.size();
    // A registry may ask for a minimum chunk size (the last chunk is exempt).
    long chunkSize = this.chunkSize <= 0 ? 0
        : Math.max(this.chunkSize, start.headers().firstValueAsLong("OCI-Chunk-Min-Length").orElse(0));
    if (chunkSize > 0 && size > 0) {
      long offset = 0;
      while (offset < size) {
        long length = Math.min(chunkSize, size - offset);
        long from = offset;
        HttpResponse<InputStream> r = send(HttpRequest.newBuilder(location)
            .header("Content-Type", MediaTypes.OCTET_STREAM)
            .header("Content-Range", from + "-" + (from + length - 1))
            .method("PATCH", filePart(file, from, length, progress)), scopes);
        byte[] patchBody = RegistryTransport.readBounded(r);
        if (r.statusCode() != 202) {
          throw failure(what, r, patchBody);
        }
        String range = r.headers().firstValue("Range").orElse("");
        if (!range.isEmpty() && !range.equals("0-" + (from + length - 1))) {
          throw new RegistryException(Kind.SERVER, "registry " + host() + " acknowledged bytes " + range
              + " of " + blob.digest() + " after receiving 0-" + (from + length - 1));
        }
        location = location(r, what);
        offset += length;
      }
      finish(blob, location, HttpRequest.BodyPublishers.noBody(), what);
    } else {
      finish(blob, location, filePart(file, 0, size, progress), what);
    }
  }

  private void finish(Descriptor blob, URI location, HttpRequest.BodyPublisher body, String what) {
    HttpResponse<InputStream> r = send(HttpRequest.newBuilder(withQuery(location, "digest="
        + URLEncoder.encode(blob.digest().toString(), StandardCharsets.UTF_8)))
        .header("Content-Type", MediaTypes.OCTET_STREAM).PUT(body), scopes);
    byte[] responseBody = RegistryTransport.readBounded(r);
    if (r.statusCode() != 201) {
      throw failure(what, r, responseBody);
    }
    checkDigestHeader(r, blob.digest(), "blob " + blob.digest());
  }

  /** HEAD of a manifest: what the registry says a tag or digest points to, or empty if unknown. */
  public Optional<ManifestHead> headManifest(String reference) {
    HttpResponse<InputStream> r = send(request("manifests/" + reference)
        .header("Accept", MediaTypes.ACCEPT_ALL_MANIFESTS)
        .method("HEAD", HttpRequest.BodyPublishers.noBody()), scopes);
    RegistryTransport.close(r);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      throw failure("manifest " + reference, r, new byte[0]);
    }
    Digest digest = r.headers().firstValue("Docker-Content-Digest").map(RepositoryClient::parseDigest)
        .orElse(null);
    return Optional.of(new ManifestHead(digest, r.headers().firstValueAsLong("Content-Length").orElse(-1),
        MediaTypes.base(r.headers().firstValue("Content-Type").orElse(null))));
  }

  /**
   * Fetches a manifest by tag or digest, at most 4 MiB. When {@code expected} is given (a digest
   * reference, or a digest from signed trust data) the bytes must hash to it.
   */
  public ManifestResponse getManifest(String reference, Digest expected) {
    String what = "manifest " + reference;
    HttpResponse<InputStream> r = send(request("manifests/" + reference)
        .header("Accept", MediaTypes.ACCEPT_ALL_MANIFESTS).GET(), scopes);
    if (r.statusCode() != 200) {
      throw failure(what, r, RegistryTransport.readBounded(r));
    }
    byte[] bytes;
    try (InputStream in = r.body()) {
      bytes = in.readNBytes(ManifestParser.MAX_MANIFEST_BYTES + 1);
    } catch (IOException e) {
      throw RegistryErrors.io(host(), e);
    }
    if (bytes.length > ManifestParser.MAX_MANIFEST_BYTES) {
      throw new RegistryException(Kind.SERVER, what + " from " + host() + " is larger than 4 MiB; refusing it");
    }
    Digest computed = Digest.compute(expected == null ? io.trustyard.core.digest.DigestAlgorithm.SHA256
        : expected.algorithm(), bytes);
    if (expected != null && !computed.equals(expected)) {
      throw new VerificationException(expected, "manifest " + expected + " failed verification: the registry"
          + " sent content that hashes to " + computed);
    }
    Digest claimed = r.headers().firstValue("Docker-Content-Digest").map(RepositoryClient::parseDigest)
        .orElse(null);
    if (expected == null && claimed != null && !Digest.compute(claimed.algorithm(), bytes).equals(claimed)) {
      throw new VerificationException(claimed, "manifest " + reference + " failed verification: the registry"
          + " says it is " + claimed + " but sent content that hashes to " + computed);
    }
    String contentType = MediaTypes.base(r.headers().firstValue("Content-Type").orElse(null));
    return new ManifestResponse(bytes, contentType, computed);
  }

  /** Uploads a manifest under a tag or its digest; returns its digest. */
  public Digest putManifest(String reference, byte[] bytes, String mediaType) {
    Digest digest = Digest.sha256(bytes);
    HttpResponse<InputStream> r = send(request("manifests/" + reference).header("Content-Type", mediaType)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)), scopes);
    byte[] body = RegistryTransport.readBounded(r);
    if (r.statusCode() != 201 && r.statusCode() != 200 && r.statusCode() != 202) {
      throw failure("manifest " + reference, r, body);
    }
    checkDigestHeader(r, digest, "manifest " + reference);
    return digest;
  }

  private void checkDigestHeader(HttpResponse<InputStream> r, Digest digest, String what) {
    Optional<String> header = r.headers().firstValue("Docker-Content-Digest");
    if (header.isPresent() && !header.get().trim().equals(digest.toString())) {
      throw new RegistryException(Kind.SERVER, "registry " + host() + " stored " + what + " as "
          + header.get().trim() + " instead of " + digest);
    }
  }

  private HttpRequest.Builder request(String suffix) {
    return HttpRequest.newBuilder(transport.resolve("/v2/" + repository + "/" + suffix))
        .timeout(Duration.ofMinutes(30));
  }

  private HttpResponse<InputStream> send(HttpRequest.Builder request, Set<String> scopes) {
    return transport.send(request, scopes);
  }

  private RegistryException failure(String what, HttpResponse<InputStream> r, byte[] body) {
    return RegistryErrors.status(host(), repository, what, r.statusCode(), body, transport.hasCredentials());
  }

  private URI location(HttpResponse<InputStream> r, String what) {
    return transport.resolve(r.headers().firstValue("Location").orElseThrow(() -> new RegistryException(
        Kind.SERVER, "registry " + host() + " answered the " + what + " without a Location")));
  }

  static URI withQuery(URI uri, String param) {
    String s = uri.toString();
    return URI.create(s + (uri.getRawQuery() == null ? "?" : "&") + param);
  }

  private static Digest parseDigest(String s) {
    try {
      return Digest.parse(s.trim());
    } catch (InvalidDigestException e) {
      return null;
    }
  }

  /** A re-sendable body of {@code length} bytes of a file from {@code offset}, reporting progress. */
  private static HttpRequest.BodyPublisher filePart(Path file, long offset, long length, LongConsumer progress) {
    return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
      try {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(offset);
        return new ProgressInputStream(in, length, offset, progress);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }), length);
  }
}
