package io.trustyard.client.notary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.client.trust.Changelist.Change;
import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.edit.RepositoryDraft;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.UnknownFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Applies staged changes (notary's changelist format) to a draft of the next repository version. */
final class ChangeApplier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChangeApplier() {}

  static void apply(RepositoryDraft draft, Change change) {
    switch (change.type()) {
      case Change.TYPE_TARGET -> {
        if (change.action().equals(Change.DELETE)) {
          draft.removeTarget(change.role(), change.path());
        } else {
          draft.addTarget(change.role(), change.path(), fileMeta(change.data().orElseThrow(() ->
              invalid(change, "a target change without data"))));
        }
      }
      case Change.TYPE_DELEGATION -> applyDelegation(draft, change);
      case Change.TYPE_WITNESS -> draft.resign(change.role());
      default -> throw invalid(change, "unsupported change type \"" + change.type() + "\"");
    }
  }

  /**
   * A delegation change as notary applies it: create adds keys (creating the delegation with its
   * threshold) and paths; update removes and adds paths and keys (keys named by canonical ID), or on
   * {@code targets/*} purges keys from every delegation; delete removes the delegation if present.
   */
  private static void applyDelegation(RepositoryDraft draft, Change change) {
    String role = change.role();
    if (change.action().equals(Change.DELETE)) {
      try {
        draft.removeDelegation(role);
      } catch (TufException e) {
        if (e.error() != TufError.UNKNOWN_DELEGATION) {
          throw e;
        }
        // notary: a delegation that is not there is as good as deleted
      }
      return;
    }
    JsonNode data = json(change.data().orElseThrow(() -> invalid(change, "a delegation change without data")));
    List<TufPublicKey> addKeys = new ArrayList<>();
    for (JsonNode k : data.path("add_keys")) {
      addKeys.add(new TufPublicKey(k.path("keytype").asText(), Base64.getDecoder().decode(k.path("keyval").path("public").asText())));
    }
    List<String> addPaths = strings(data.path("add_paths"));
    List<String> removeKeys = strings(data.path("remove_keys"));
    List<String> removePaths = strings(data.path("remove_paths"));
    boolean clearPaths = data.path("clear_paths").asBoolean(false);
    int threshold = data.path("threshold").asInt(0);
    if (change.action().equals(Change.UPDATE) && role.endsWith("/*")) {
      draft.purgeDelegationKeys(removeKeys);
      return;
    }
    List<String> removeTufIds = draft.delegationKeys(role).stream()
        .filter(k -> removeKeys.contains(k.canonicalId())).map(TufPublicKey::id).toList();
    draft.updateDelegation(role, addKeys, removeTufIds, addPaths, removePaths, clearPaths, threshold);
  }

  /** A target's FileMeta as notary stages it: {"length":N,"hashes":{"sha256":"<b64>",...},"custom":...}. */
  static FileMeta fileMeta(byte[] bytes) {
    JsonNode json = json(bytes);
    Map<String, byte[]> hashes = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.path("hashes").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      hashes.put(e.getKey(), Base64.getDecoder().decode(e.getValue().asText()));
    }
    JsonNode custom = json.get("custom");
    return new FileMeta(json.path("length").asLong(), hashes,
        custom == null || custom.isNull() ? Optional.empty() : Optional.of(custom), UnknownFields.NONE);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static JsonNode json(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new TrustException(Kind.INVALID, "a staged change holds invalid JSON: " + e.getMessage(), e);
    }
  }

  private static TrustException invalid(Change change, String why) {
    return new TrustException(Kind.INVALID, "cannot apply the staged change to " + change.role() + " "
        + change.path() + ": " + why);
  }
}
