package io.trustyard.client.notary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.client.trust.Changelist.Change;
import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.core.crypto.TufPublicKey;
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
      default -> throw invalid(change, "unsupported change type \"" + change.type() + "\"");
    }
  }

  private static void applyDelegation(RepositoryDraft draft, Change change) {
    if (change.action().equals(Change.DELETE)) {
      draft.removeDelegation(change.role());
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
    int threshold = data.path("threshold").asInt(1);
    try {
      if (!addKeys.isEmpty()) {
        draft.addDelegationKeys(change.role(), addKeys);
      }
    } catch (io.trustyard.core.tuf.TufException missing) {
      // A new delegation: created with its keys, paths and threshold.
      draft.putDelegation(change.role(), addKeys, Math.max(1, threshold), addPaths);
      return;
    }
    if (!addPaths.isEmpty()) {
      draft.addDelegationPaths(change.role(), addPaths);
    }
    if (!removeKeys.isEmpty()) {
      draft.removeDelegationKeys(change.role(), removeKeys);
    }
    if (!removePaths.isEmpty()) {
      draft.removeDelegationPaths(change.role(), removePaths);
    }
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
