package io.trustyard.core.tuf.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.json.CanonicalJson;
import io.trustyard.core.json.GoJson;
import io.trustyard.core.json.GoTime;
import io.trustyard.core.json.Json;
import io.trustyard.core.tuf.model.DelegatedRole;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleKeys;
import io.trustyard.core.tuf.model.RoleMetadata;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.model.Signature;
import io.trustyard.core.tuf.model.Signed;
import io.trustyard.core.tuf.model.SnapshotMetadata;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.model.TimestampMetadata;
import io.trustyard.core.tuf.model.UnknownFields;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes metadata exactly as Notary's Go code does (spec/notary.md §2.9):
 * {@code {"signed":<canonical, HTML-escaped>,"signatures":[{"keyid","method","sig"}...]}} with no
 * whitespace and no trailing newline. Field rules follow Go's structs: {@code delegations} always
 * present, {@code paths} omitted when empty, {@code custom} omitted when absent,
 * {@code "private":null} in keys. Unknown fields read from a file are written back.
 */
public final class MetadataWriter {
  private MetadataWriter() {}

  /** The bytes that are signed: the canonical JSON of the {@code signed} body. */
  public static byte[] canonical(RoleMetadata body) {
    return CanonicalJson.encode(toJson(body));
  }

  /** The file: byte-identical to what Notary writes for the same metadata. */
  public static byte[] encode(Signed<?> metadata) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    out.writeBytes(ascii("{\"signed\":"));
    out.writeBytes(GoJson.escapeEmbedded(canonical(metadata.signed())));
    out.writeBytes(ascii(",\"signatures\":["));
    List<Signature> signatures = metadata.signatures();
    for (int i = 0; i < signatures.size(); i++) {
      Signature s = signatures.get(i);
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(utf8("{\"keyid\":" + GoJson.quote(s.keyId()) + ",\"method\":"
          + GoJson.quote(s.method()) + ",\"sig\":\"" + Base64.getEncoder().encodeToString(s.sig())
          + "\"}"));
    }
    out.writeBytes(ascii("]}"));
    return out.toByteArray();
  }

  /** The {@code signed} body as a JSON tree (members in any order: the encoder sorts). */
  public static ObjectNode toJson(RoleMetadata body) {
    ObjectNode node = Json.nodes().objectNode();
    putUnknown(node, body.unknown());
    node.put("_type", body.type());
    node.put("expires", GoTime.format(body.expires()));
    node.put("version", body.version());
    switch (body) {
      case RootMetadata root -> {
        node.put("consistent_snapshot", root.consistentSnapshot());
        node.set("keys", keys(root.keys()));
        ObjectNode roles = node.putObject("roles");
        root.roles().forEach((name, role) -> roles.set(name, roleKeys(role)));
      }
      case TargetsMetadata targets -> {
        node.set("targets", files(targets.targets()));
        ObjectNode delegations = node.putObject("delegations");
        putUnknown(delegations, targets.delegations().unknown());
        delegations.set("keys", keys(targets.delegations().keys()));
        ArrayNode roles = delegations.putArray("roles");
        targets.delegations().roles().forEach(r -> roles.add(delegatedRole(r)));
      }
      case SnapshotMetadata snapshot -> node.set("meta", files(snapshot.meta()));
      case TimestampMetadata timestamp -> node.set("meta", files(timestamp.meta()));
    }
    return node;
  }

  /** A public key as it appears in metadata. */
  public static ObjectNode key(TufPublicKey key) {
    ObjectNode node = Json.nodes().objectNode();
    node.put("keytype", key.keyType());
    ObjectNode keyval = node.putObject("keyval");
    keyval.putNull("private");
    keyval.put("public", Base64.getEncoder().encodeToString(key.publicBytes()));
    return node;
  }

  private static ObjectNode keys(Map<String, TufPublicKey> keys) {
    ObjectNode node = Json.nodes().objectNode();
    keys.forEach((id, key) -> node.set(id, key(key)));
    return node;
  }

  private static ObjectNode roleKeys(RoleKeys role) {
    ObjectNode node = Json.nodes().objectNode();
    putUnknown(node, role.unknown());
    ArrayNode ids = node.putArray("keyids");
    role.keyIds().forEach(ids::add);
    node.put("threshold", role.threshold());
    return node;
  }

  private static ObjectNode delegatedRole(DelegatedRole role) {
    ObjectNode node = Json.nodes().objectNode();
    putUnknown(node, role.unknown());
    ArrayNode ids = node.putArray("keyids");
    role.keyIds().forEach(ids::add);
    node.put("name", role.name());
    if (!role.paths().isEmpty()) {
      ArrayNode paths = node.putArray("paths");
      role.paths().forEach(paths::add);
    }
    node.put("threshold", role.threshold());
    return node;
  }

  private static ObjectNode files(Map<String, FileMeta> files) {
    ObjectNode node = Json.nodes().objectNode();
    files.forEach((name, meta) -> node.set(name, fileMeta(meta)));
    return node;
  }

  /** One FileMeta as JSON ({@code custom} omitted when absent). */
  public static ObjectNode fileMeta(FileMeta meta) {
    ObjectNode node = Json.nodes().objectNode();
    putUnknown(node, meta.unknown());
    meta.custom().ifPresent(custom -> node.set("custom", custom));
    ObjectNode hashes = node.putObject("hashes");
    meta.hashes().forEach((algorithm, digest) ->
        hashes.put(algorithm, Base64.getEncoder().encodeToString(digest)));
    node.put("length", meta.length());
    return node;
  }

  private static void putUnknown(ObjectNode node, UnknownFields unknown) {
    unknown.fields().forEach(node::set);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
