package io.trustyard.core.tuf.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.json.CanonicalJson;
import io.trustyard.core.json.CanonicalJsonException;
import io.trustyard.core.json.Json;
import io.trustyard.core.json.MalformedJsonException;
import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.model.DelegatedRole;
import io.trustyard.core.tuf.model.Delegations;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleKeys;
import io.trustyard.core.tuf.model.RoleMetadata;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.model.Signature;
import io.trustyard.core.tuf.model.Signed;
import io.trustyard.core.tuf.model.SnapshotMetadata;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.model.TimestampMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses metadata files of untrusted origin. Every read is bounded by a size the caller passes
 * (see {@link MetadataLimits}); parsing checks shape only — signatures, versions and expiry are
 * the verifier's business.
 */
public final class MetadataReader {
  private MetadataReader() {}

  public static Parsed<RootMetadata> root(byte[] bytes, long maxBytes) {
    return read(bytes, maxBytes, RootMetadata.class, "root");
  }

  public static Parsed<TargetsMetadata> targets(String role, byte[] bytes, long maxBytes) {
    return read(bytes, maxBytes, TargetsMetadata.class, role);
  }

  public static Parsed<SnapshotMetadata> snapshot(byte[] bytes, long maxBytes) {
    return read(bytes, maxBytes, SnapshotMetadata.class, "snapshot");
  }

  public static Parsed<TimestampMetadata> timestamp(byte[] bytes, long maxBytes) {
    return read(bytes, maxBytes, TimestampMetadata.class, "timestamp");
  }

  /** Reads a file expected to hold {@code type} for {@code role} (used in messages). */
  public static <T extends RoleMetadata> Parsed<T> read(byte[] bytes, long maxBytes, Class<T> type,
      String role) {
    if (bytes.length > maxBytes) {
      throw new TufException(TufError.TOO_LARGE, role,
          "metadata of " + bytes.length + " bytes exceeds the limit of " + maxBytes + " bytes");
    }
    JsonNode document;
    try {
      document = Json.parse(bytes, maxBytes);
    } catch (MalformedJsonException e) {
      throw new TufException(TufError.MALFORMED, role, e.getMessage(), e);
    }
    ObjectFields envelope = new ObjectFields(document, role, "$");
    JsonNode signedNode = envelope.raw("signed");
    byte[] signedBytes;
    try {
      signedBytes = CanonicalJson.encode(signedNode);
    } catch (CanonicalJsonException e) {
      throw new TufException(TufError.MALFORMED, role,
          "signed cannot be canonicalised, so no signature over it can verify: " + e.getMessage(), e);
    }
    ObjectFields signed = new ObjectFields(signedNode, role, "signed");
    String actualType = signed.string("_type");
    T body = type.cast(switch (type.getSimpleName()) {
      case "RootMetadata" -> root(checkType(signed, actualType, RootMetadata.TYPE));
      case "TargetsMetadata" -> targets(checkType(signed, actualType, TargetsMetadata.TYPE));
      case "SnapshotMetadata" -> snapshot(checkType(signed, actualType, SnapshotMetadata.TYPE));
      case "TimestampMetadata" -> timestamp(checkType(signed, actualType, TimestampMetadata.TYPE));
      default -> throw new IllegalArgumentException("not a role type: " + type);
    });
    List<Signature> signatures = signatures(envelope.array("signatures", false), role);
    return new Parsed<>(new Signed<>(body, signatures), bytes, signedBytes);
  }

  private static ObjectFields checkType(ObjectFields signed, String actual, String expected) {
    if (!actual.equals(expected)) {
      throw new TufException(TufError.WRONG_TYPE, signed.role(),
          "expected _type " + expected + " but the file holds " + actual);
    }
    return signed;
  }

  private static RootMetadata root(ObjectFields f) {
    long version = f.integer("version");
    var expires = f.time("expires");
    boolean consistent = f.bool("consistent_snapshot", false);
    Map<String, TufPublicKey> keys = keys(f.object("keys", true));
    Map<String, RoleKeys> roles = new LinkedHashMap<>();
    ObjectFields rolesObject = f.object("roles", true);
    for (Map.Entry<String, JsonNode> e : rolesObject.members()) {
      ObjectFields r = new ObjectFields(e.getValue(), f.role(), "signed.roles." + e.getKey());
      roles.put(e.getKey(), new RoleKeys(strings(r.array("keyids", false), r), r.smallInteger("threshold"),
          r.rest()));
    }
    return new RootMetadata(version, expires, consistent, keys, roles, f.rest());
  }

  private static TargetsMetadata targets(ObjectFields f) {
    long version = f.integer("version");
    var expires = f.time("expires");
    Map<String, FileMeta> targets = files(f.object("targets", false));
    ObjectFields d = f.object("delegations", false);
    Map<String, TufPublicKey> keys = keys(d.object("keys", false));
    List<DelegatedRole> roles = new ArrayList<>();
    JsonNode rolesArray = d.array("roles", false);
    for (int i = 0; i < rolesArray.size(); i++) {
      ObjectFields r = new ObjectFields(rolesArray.get(i), f.role(), d.path() + ".roles[" + i + "]");
      roles.add(new DelegatedRole(r.string("name"), strings(r.array("keyids", false), r),
          r.smallInteger("threshold"), strings(r.array("paths", false), r), r.rest()));
    }
    Delegations delegations = new Delegations(keys, roles, d.rest());
    return new TargetsMetadata(version, expires, targets, delegations, f.rest());
  }

  private static SnapshotMetadata snapshot(ObjectFields f) {
    long version = f.integer("version");
    var expires = f.time("expires");
    return new SnapshotMetadata(version, expires, files(f.object("meta", true)), f.rest());
  }

  private static TimestampMetadata timestamp(ObjectFields f) {
    long version = f.integer("version");
    var expires = f.time("expires");
    return new TimestampMetadata(version, expires, files(f.object("meta", true)), f.rest());
  }

  private static Map<String, TufPublicKey> keys(ObjectFields f) {
    Map<String, TufPublicKey> keys = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : f.members()) {
      ObjectFields k = new ObjectFields(e.getValue(), f.role(), f.path() + "." + e.getKey());
      String keyType = k.string("keytype");
      ObjectFields keyval = k.object("keyval", true);
      if (keyval.has("private")) {
        throw ObjectFields.malformed(f.role(),
            keyval.path() + ".private must be null: metadata must never carry private keys");
      }
      if (keyval.present("private")) {
        keyval.raw("private");
      }
      byte[] publicBytes = keyval.base64("public");
      keyval.requireNoOthers();
      k.requireNoOthers();
      keys.put(e.getKey(), new TufPublicKey(keyType, publicBytes));
    }
    return keys;
  }

  private static Map<String, FileMeta> files(ObjectFields f) {
    Map<String, FileMeta> files = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : f.members()) {
      ObjectFields m = new ObjectFields(e.getValue(), f.role(), f.path() + "." + e.getKey());
      long length = m.integer("length");
      if (length < 0) {
        throw ObjectFields.malformed(f.role(), m.path() + ".length is negative");
      }
      Map<String, byte[]> hashes = new LinkedHashMap<>();
      ObjectFields h = m.object("hashes", true);
      for (Map.Entry<String, JsonNode> hash : h.members()) {
        if (!hash.getValue().isTextual()) {
          throw ObjectFields.malformed(f.role(), h.path() + "." + hash.getKey() + " must be a string");
        }
        hashes.put(hash.getKey(),
            ObjectFields.base64(hash.getValue().textValue(), f.role(), h.path() + "." + hash.getKey()));
      }
      Optional<JsonNode> custom = Optional.empty();
      if (m.present("custom")) {
        JsonNode value = m.raw("custom");
        // "custom": null is how Go reads an absent RawMessage; it is written back omitted.
        custom = value.isNull() ? Optional.empty() : Optional.of(value);
      }
      files.put(e.getKey(), new FileMeta(length, hashes, custom, m.rest()));
    }
    return files;
  }

  private static List<String> strings(JsonNode array, ObjectFields owner) {
    List<String> values = new ArrayList<>(array.size());
    for (JsonNode v : array) {
      if (!v.isTextual()) {
        throw ObjectFields.malformed(owner.role(), owner.path() + " holds a non-string list item");
      }
      values.add(v.textValue());
    }
    return values;
  }

  private static List<Signature> signatures(JsonNode array, String role) {
    List<Signature> signatures = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      ObjectFields s = new ObjectFields(array.get(i), role, "signatures[" + i + "]");
      // Go lower-cases the method when it reads a signature.
      signatures.add(new Signature(s.string("keyid"), s.string("method").toLowerCase(Locale.ROOT),
          s.base64("sig")));
    }
    return signatures;
  }
}
