package io.trustyard.client.notary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustyard.client.trust.Changelist.Change;
import io.trustyard.core.crypto.TufPublicKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Delegation and witness changes exactly as the notary CLI stages them (spec/notary.md §7.3), so a
 * changelist written by either client is published by the other: one change per edit, payload
 * {@code {"threshold","add_keys","remove_keys","add_paths","remove_paths","clear_paths"}} with
 * empty fields left out and keys named by canonical key ID when removed.
 */
public final class DelegationChanges {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** notary creates delegations with this threshold; there is no flag to change it. */
  public static final int THRESHOLD = 1;

  private DelegationChanges() {}

  public static Change addKeys(String role, List<TufPublicKey> keys) {
    ObjectNode data = JSON.createObjectNode();
    data.put("threshold", THRESHOLD);
    ArrayNode array = data.putArray("add_keys");
    for (TufPublicKey key : keys) {
      ObjectNode k = array.addObject();
      k.put("keytype", key.keyType());
      ObjectNode keyval = k.putObject("keyval");
      keyval.put("public", Base64.getEncoder().encodeToString(key.publicBytes()));
      keyval.putNull("private");
    }
    return change(Change.CREATE, role, data);
  }

  public static Change addPaths(String role, List<String> paths) {
    ObjectNode data = JSON.createObjectNode();
    strings(data, "add_paths", paths);
    return change(Change.CREATE, role, data);
  }

  public static Change removePaths(String role, List<String> paths) {
    ObjectNode data = JSON.createObjectNode();
    strings(data, "remove_paths", paths);
    return change(Change.UPDATE, role, data);
  }

  /** {@code canonicalIds} as {@code notary key list} and {@code delegation list} show them. */
  public static Change removeKeys(String role, List<String> canonicalIds) {
    ObjectNode data = JSON.createObjectNode();
    strings(data, "remove_keys", canonicalIds);
    return change(Change.UPDATE, role, data);
  }

  public static Change clearPaths(String role) {
    ObjectNode data = JSON.createObjectNode();
    data.put("clear_paths", true);
    return change(Change.UPDATE, role, data);
  }

  /** Removes keys from every delegation: notary's purge, staged on the {@code targets/*} scope. */
  public static Change purgeKeys(List<String> canonicalIds) {
    return removeKeys("targets/*", canonicalIds);
  }

  public static Change delete(String role) {
    return new Change(Change.DELETE, role, Change.TYPE_DELEGATION, "", Optional.empty());
  }

  /** Re-sign {@code role} unchanged at the next publish. */
  public static Change witness(String role) {
    return new Change(Change.UPDATE, role, Change.TYPE_WITNESS, "", Optional.empty());
  }

  private static void strings(ObjectNode data, String field, List<String> values) {
    ArrayNode array = data.putArray(field);
    values.forEach(array::add);
  }

  private static Change change(String action, String role, ObjectNode data) {
    return new Change(action, role, Change.TYPE_DELEGATION, "", Optional.of(data.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
