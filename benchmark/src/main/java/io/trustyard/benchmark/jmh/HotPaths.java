package io.trustyard.benchmark.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustyard.core.crypto.KeyType;
import io.trustyard.core.crypto.TufKeys;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.crypto.TufSignatures;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.digest.Digester;
import io.trustyard.core.digest.DigestingInputStream;
import io.trustyard.core.json.CanonicalJson;
import io.trustyard.core.json.Json;
import io.trustyard.core.oci.ManifestParser;
import io.trustyard.core.oci.MediaTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Microbenchmarks of the hot paths every request or command goes through: Notary canonical JSON,
 * TUF signature verification for each key type, SHA-256 over a stream, OCI manifest parsing.
 * Run by {@code JmhGroup} (scripts/bench.sh) with short iterations; inputs sized like real ones.
 */
@State(Scope.Thread)
public class HotPaths {
  /** Bytes per {@link #digestStream} operation. */
  public static final int STREAM_BYTES = 1 << 20;
  /** Targets in the metadata that {@link #canonicalJson} encodes. */
  public static final int TARGETS = 100;

  private JsonNode targets;
  private byte[] message;
  private TufPublicKey ecdsa;
  private byte[] ecdsaSignature;
  private TufPublicKey ed25519;
  private byte[] ed25519Signature;
  private TufPublicKey rsa;
  private byte[] rsaSignature;
  private byte[] stream;
  private byte[] buffer;
  private byte[] manifest;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    ObjectNode signed = Json.nodes().objectNode();
    signed.put("_type", "Targets").put("expires", "2030-01-01T00:00:00Z").put("version", 7);
    ObjectNode files = signed.putObject("targets");
    for (int i = 0; i < TARGETS; i++) {
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      ObjectNode meta = files.putObject("release-" + i);
      meta.put("length", 1000 + i).putObject("hashes").put("sha256", java.util.Base64.getEncoder().encodeToString(hash));
    }
    signed.putObject("delegations").putObject("keys");
    targets = signed;
    message = CanonicalJson.encode(signed);

    SecureRandom keys = new SecureRandom();
    TufPrivateKey e = TufKeys.generate(KeyType.ECDSA, keys);
    ecdsa = e.publicKey();
    ecdsaSignature = TufSignatures.sign(e, message);
    TufPrivateKey d = TufKeys.generate(KeyType.ED25519, keys);
    ed25519 = d.publicKey();
    ed25519Signature = TufSignatures.sign(d, message);
    TufPrivateKey r = TufKeys.generateRsa(2048, keys);
    rsa = r.publicKey();
    rsaSignature = TufSignatures.sign(r, message);

    stream = new byte[STREAM_BYTES];
    random.nextBytes(stream);
    buffer = new byte[64 * 1024];

    StringBuilder m = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"").append(MediaTypes.OCI_MANIFEST)
        .append("\",\"config\":").append(descriptor(MediaTypes.OCI_CONFIG, random, 1469)).append(",\"layers\":[");
    for (int i = 0; i < 10; i++) {
      m.append(i == 0 ? "" : ",").append(descriptor(MediaTypes.OCI_LAYER_GZIP, random, 3_000_000 + i));
    }
    manifest = m.append("],\"annotations\":{\"org.opencontainers.image.created\":\"2026-11-22T00:00:00Z\"}}")
        .toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String descriptor(String mediaType, Random random, long size) {
    byte[] hash = new byte[32];
    random.nextBytes(hash);
    return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"sha256:" + HexFormat.of().formatHex(hash)
        + "\",\"size\":" + size + "}";
  }

  @Benchmark
  public byte[] canonicalJson() {
    return CanonicalJson.encode(targets);
  }

  @Benchmark
  public boolean verifyEcdsaP256() {
    return TufSignatures.verify(ecdsa, TufSignatures.ECDSA, ecdsaSignature, message);
  }

  @Benchmark
  public boolean verifyEd25519() {
    return TufSignatures.verify(ed25519, TufSignatures.EDDSA, ed25519Signature, message);
  }

  @Benchmark
  public boolean verifyRsaPss2048() {
    return TufSignatures.verify(rsa, TufSignatures.RSAPSS, rsaSignature, message);
  }

  @Benchmark
  public Digest digestStream() throws IOException {
    try (DigestingInputStream in = new DigestingInputStream(new ByteArrayInputStream(stream), Digester.sha256())) {
      while (in.read(buffer, 0, buffer.length) >= 0) {
        // reading is the work: every byte goes through the digester
      }
      return in.digester().digest();
    }
  }

  @Benchmark
  public Object parseManifest() {
    return ManifestParser.parse(manifest, MediaTypes.OCI_MANIFEST);
  }
}
