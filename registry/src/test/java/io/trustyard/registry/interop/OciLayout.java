package io.trustyard.registry.interop;

import io.trustyard.core.digest.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Writes a small OCI image layout (config + gzipped tar layers) for the interop tests. */
final class OciLayout {
  final Path dir;
  final List<Digest> blobs = new ArrayList<>();
  Digest manifest;
  byte[] manifestBytes;

  OciLayout(Path dir) {
    this.dir = dir;
  }

  static byte[] tarWithOneFile(String name, byte[] content) {
    byte[] header = new byte[512];
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(n, 0, header, 0, n.length);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", content.length));
    put(header, 136, "00000000000");
    header[156] = '0';
    put(header, 257, "ustar");
    put(header, 263, "00");
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    header[154] = 0;
    int padded = (content.length + 511) / 512 * 512;
    byte[] tar = new byte[512 + padded + 1024];
    System.arraycopy(header, 0, tar, 0, 512);
    System.arraycopy(content, 0, tar, 512, content.length);
    return tar;
  }

  private static void put(byte[] h, int off, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, b.length);
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  Digest blob(byte[] content) throws IOException {
    Digest d = Digest.sha256(content);
    Path p = dir.resolve("blobs/sha256/" + d.hex());
    Files.createDirectories(p.getParent());
    Files.write(p, content);
    blobs.add(d);
    return d;
  }

  /** An image of {@code layers} random layers of about {@code layerSize} bytes each, tagged {@code tag}. */
  OciLayout write(String tag, int layers, int layerSize, long seed) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Random random = new Random(seed);
    StringBuilder layerJson = new StringBuilder();
    StringBuilder diffIds = new StringBuilder();
    for (int i = 0; i < layers; i++) {
      byte[] file = new byte[layerSize];
      random.nextBytes(file);
      byte[] tar = tarWithOneFile("file" + i, file);
      byte[] gz = gzip(tar);
      Digest d = blob(gz);
      if (i > 0) {
        layerJson.append(',');
        diffIds.append(',');
      }
      layerJson.append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"").append(d)
          .append("\",\"size\":").append(gz.length).append('}');
      diffIds.append('"').append(Digest.sha256(tar)).append('"');
    }
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\","
        + "\"diff_ids\":[" + diffIds + "]},\"history\":[]}").getBytes(StandardCharsets.UTF_8);
    Digest c = blob(config);
    manifestBytes = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + c
        + "\",\"size\":" + config.length + "},\"layers\":[" + layerJson + "]}").getBytes(StandardCharsets.UTF_8);
    manifest = blob(manifestBytes);
    Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
        + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifest + "\",\"size\":"
        + manifestBytes.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + tag + "\"}}]}");
    return this;
  }

  byte[] read(Digest d) throws IOException {
    return Files.readAllBytes(dir.resolve("blobs/sha256/" + d.hex()));
  }
}
