package io.trustyard.registry.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Stores files as objects of an S3 bucket under an optional prefix, with distribution's key layout
 * (key = prefix + path without the leading slash). S3 cannot append, so a writer in append mode
 * continues an object with a multipart upload whose first part is a server-side copy of it (or,
 * below S3's 5 MiB part minimum, its bytes re-sent); memory use is bounded by one part.
 */
public final class S3Driver implements StorageDriver {
  static final int PART_SIZE = 8 * 1024 * 1024;
  static final long MIN_PART = 5L * 1024 * 1024;
  private static final long MAX_COPY = 5L * 1024 * 1024 * 1024;

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  public S3Driver(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    String p = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
    this.prefix = p.isEmpty() ? "" : p + "/";
  }

  /** A client for AWS or an S3-compatible endpoint (path-style addressing when {@code pathStyle}). */
  public static S3Client client(String region, String endpoint, String accessKey, String secretKey,
      boolean pathStyle) {
    S3ClientBuilder b = S3Client.builder().region(Region.of(region == null ? "us-east-1" : region))
        .forcePathStyle(pathStyle);
    if (endpoint != null) {
      b.endpointOverride(URI.create(endpoint));
    }
    b.credentialsProvider(accessKey != null
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey))
        : DefaultCredentialsProvider.builder().build());
    return b.build();
  }

  @Override
  public String name() {
    return "s3";
  }

  String key(String path) {
    StoragePaths.check(path);
    return prefix + (path.equals("/") ? "" : path.substring(1));
  }

  private String pathOf(String key) {
    String p = key.substring(prefix.length());
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return "/" + p;
  }

  private HeadObjectResponse head(String path) throws IOException {
    try {
      return s3.headObject(b -> b.bucket(bucket).key(key(path)));
    } catch (NoSuchKeyException e) {
      return null;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return null;
      }
      throw new IOException("S3 HEAD " + path + ": " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new IOException("S3 HEAD " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public FileInfo stat(String path) throws IOException {
    HeadObjectResponse h = head(path);
    if (h != null) {
      return new FileInfo(path, h.contentLength(), h.lastModified(), false, h.eTag() + ":" + h.contentLength());
    }
    if (hasChildren(path)) {
      return new FileInfo(path, 0, null, true, "dir");
    }
    throw new PathNotFoundException(path);
  }

  private boolean hasChildren(String path) throws IOException {
    try {
      String p = key(path);
      return s3.listObjectsV2(b -> b.bucket(bucket).prefix(p.isEmpty() ? "" : p + "/").maxKeys(1)).keyCount() > 0;
    } catch (SdkException e) {
      throw new IOException("S3 LIST " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] getContent(String path, int maxBytes) throws IOException {
    try (ResponseInputStream<GetObjectResponse> in = get(path, null, null)) {
      if (in.response().contentLength() > maxBytes) {
        in.abort();
        throw new IOException(path + " is larger than " + maxBytes + " bytes");
      }
      byte[] content = in.readNBytes(maxBytes + 1);
      if (content.length > maxBytes) {
        throw new IOException(path + " is larger than " + maxBytes + " bytes");
      }
      return content;
    }
  }

  private ResponseInputStream<GetObjectResponse> get(String path, Long offset, String etag) throws IOException {
    try {
      return s3.getObject(b -> {
        b.bucket(bucket).key(key(path));
        if (offset != null && offset > 0) {
          b.range("bytes=" + offset + "-");
        }
        if (etag != null) {
          b.ifMatch(etag);
        }
      });
    } catch (NoSuchKeyException e) {
      throw new PathNotFoundException(path);
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        throw new PathNotFoundException(path);
      }
      if (e.statusCode() == 412) {
        throw new IOException(path + " changed while it was read");
      }
      throw new IOException("S3 GET " + path + ": " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new IOException("S3 GET " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void putContent(String path, byte[] content) throws IOException {
    try {
      s3.putObject(b -> b.bucket(bucket).key(key(path)).contentType("application/octet-stream"),
          RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw new IOException("S3 PUT " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public ReadHandle open(String path) throws IOException {
    HeadObjectResponse h = head(path);
    if (h == null) {
      throw new PathNotFoundException(path);
    }
    FileInfo info = new FileInfo(path, h.contentLength(), h.lastModified(), false, h.eTag() + ":" + h.contentLength());
    String etag = h.eTag();
    return new ReadHandle() {
      @Override
      public FileInfo info() {
        return info;
      }

      @Override
      public InputStream stream(long offset) throws IOException {
        if (offset >= info.size()) {
          return InputStream.nullInputStream();
        }
        // If-Match pins the version that was stat'ed: a replaced object fails instead of mixing.
        return get(path, offset, etag);
      }

      @Override
      public void close() {
        // nothing held between reads
      }
    };
  }

  @Override
  public StorageWriter writer(String path, boolean append) throws IOException {
    HeadObjectResponse existing = append ? head(path) : null;
    return new S3Writer(path, existing == null ? 0 : existing.contentLength());
  }

  private final class S3Writer implements StorageWriter {
    private final String path;
    private final String key;
    private final long existing;
    private final ByteBuffer buffer = ByteBuffer.allocate(PART_SIZE);
    private final List<CompletedPart> parts = new ArrayList<>();
    private String uploadId;
    private long size;
    private boolean closed;

    S3Writer(String path, long existing) throws IOException {
      this.path = path;
      this.key = key(path);
      this.existing = existing;
      this.size = existing;
      if (existing >= MIN_PART) {
        start();
        try {
          if (existing <= MAX_COPY) {
            var r = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket)
                .destinationKey(key).uploadId(uploadId).partNumber(1));
            parts.add(CompletedPart.builder().partNumber(1).eTag(r.copyPartResult().eTag()).build());
          } else {
            for (long off = 0; off < existing; off += MAX_COPY) {
              long end = Math.min(existing, off + MAX_COPY) - 1;
              int n = parts.size() + 1;
              String range = "bytes=" + off + "-" + end;
              var r = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket)
                  .destinationKey(key).uploadId(uploadId).partNumber(n).copySourceRange(range));
              parts.add(CompletedPart.builder().partNumber(n).eTag(r.copyPartResult().eTag()).build());
            }
          }
        } catch (SdkException e) {
          abortQuietly();
          throw new IOException("S3 append to " + path + ": " + e.getMessage(), e);
        }
      } else if (existing > 0) {
        // Below the part minimum: carry the existing bytes in the first part.
        buffer.put(getContent(path, (int) MIN_PART));
      }
    }

    private void start() throws IOException {
      try {
        uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
      } catch (SdkException e) {
        throw new IOException("S3 multipart " + path + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void write(ByteBuffer data) throws IOException {
      while (data.hasRemaining()) {
        int n = Math.min(buffer.remaining(), data.remaining());
        ByteBuffer slice = data.slice(data.position(), n);
        buffer.put(slice);
        data.position(data.position() + n);
        size += n;
        if (!buffer.hasRemaining()) {
          flushPart();
        }
      }
    }

    private void flushPart() throws IOException {
      if (uploadId == null) {
        start();
      }
      buffer.flip();
      int n = parts.size() + 1;
      try {
        var r = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(n),
            RequestBody.fromByteBuffer(buffer));
        parts.add(CompletedPart.builder().partNumber(n).eTag(r.eTag()).build());
      } catch (SdkException e) {
        throw new IOException("S3 part " + n + " of " + path + ": " + e.getMessage(), e);
      }
      buffer.clear();
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public void cancel() throws IOException {
      closed = true;
      abortQuietly();
      try {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
      } catch (SdkException e) {
        throw new IOException("S3 DELETE " + path + ": " + e.getMessage(), e);
      }
    }

    private void abortQuietly() {
      if (uploadId != null) {
        try {
          s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
          // the bucket's lifecycle rules clean up what is left
        }
        uploadId = null;
      }
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      if (uploadId == null) {
        if (size == existing && existing > 0) {
          return;
        }
        buffer.flip();
        try {
          s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromByteBuffer(buffer));
        } catch (SdkException e) {
          throw new IOException("S3 PUT " + path + ": " + e.getMessage(), e);
        }
        return;
      }
      if (buffer.position() > 0) {
        flushPart();
      }
      try {
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
            .multipartUpload(m -> m.parts(parts)));
      } catch (SdkException e) {
        abortQuietly();
        throw new IOException("S3 complete " + path + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public List<String> list(String path) throws IOException {
    String p = key(path);
    String listPrefix = p.isEmpty() ? "" : p + "/";
    List<String> out = new ArrayList<>();
    try {
      for (ListObjectsV2Response page : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket)
          .prefix(listPrefix).delimiter("/").build())) {
        for (CommonPrefix cp : page.commonPrefixes()) {
          out.add(pathOf(cp.prefix()));
        }
        for (S3Object o : page.contents()) {
          if (!o.key().equals(listPrefix)) {
            out.add(pathOf(o.key()));
          }
        }
      }
    } catch (SdkException e) {
      throw new IOException("S3 LIST " + path + ": " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new PathNotFoundException(path);
    }
    out.sort(null);
    return out;
  }

  @Override
  public void move(String source, String destination) throws IOException {
    HeadObjectResponse h = head(source);
    if (h == null) {
      throw new PathNotFoundException(source);
    }
    String from = key(source);
    String to = key(destination);
    try {
      if (h.contentLength() <= MAX_COPY) {
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket).destinationKey(to));
      } else {
        copyLarge(from, to, h.contentLength());
      }
      s3.deleteObject(b -> b.bucket(bucket).key(from));
    } catch (SdkException e) {
      throw new IOException("S3 MOVE " + source + ": " + e.getMessage(), e);
    }
  }

  private void copyLarge(String from, String to, long size) {
    String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(to)).uploadId();
    List<CompletedPart> parts = new ArrayList<>();
    long partSize = 1024L * 1024 * 1024;
    for (long off = 0; off < size; off += partSize) {
      int n = parts.size() + 1;
      String range = "bytes=" + off + "-" + (Math.min(size, off + partSize) - 1);
      var r = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket)
          .destinationKey(to).uploadId(id).partNumber(n).copySourceRange(range));
      parts.add(CompletedPart.builder().partNumber(n).eTag(r.copyPartResult().eTag()).build());
    }
    s3.completeMultipartUpload(b -> b.bucket(bucket).key(to).uploadId(id).multipartUpload(m -> m.parts(parts)));
  }

  @Override
  public void delete(String path) throws IOException {
    if (path.equals("/")) {
      throw new IllegalArgumentException("refusing to delete the storage root");
    }
    String k = key(path);
    List<ObjectIdentifier> keys = new ArrayList<>();
    try {
      if (head(path) != null) {
        keys.add(ObjectIdentifier.builder().key(k).build());
      }
      for (ListObjectsV2Response page : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket)
          .prefix(k + "/").build())) {
        for (S3Object o : page.contents()) {
          keys.add(ObjectIdentifier.builder().key(o.key()).build());
        }
      }
      if (keys.isEmpty()) {
        throw new PathNotFoundException(path);
      }
      for (int i = 0; i < keys.size(); i += 1000) {
        List<ObjectIdentifier> batch = keys.subList(i, Math.min(keys.size(), i + 1000));
        s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
      }
    } catch (SdkException e) {
      throw new IOException("S3 DELETE " + path + ": " + e.getMessage(), e);
    }
  }
}
