package io.trustyard.registry.service;

import io.trustyard.core.oci.OciNames;
import io.trustyard.registry.storage.StorageDriver;
import java.util.ArrayList;
import java.util.List;

/**
 * The repositories on storage: directories under {@code repositories/} holding {@code _layers},
 * {@code _manifests} or {@code _uploads}; names nest, and {@code _}-directories are never descended.
 */
public final class CatalogService {
  private final StorageDriver storage;

  public CatalogService(StorageDriver storage) {
    this.storage = storage;
  }

  /** Every repository name, in ASCII order. */
  public List<String> repositories() {
    List<String> out = new ArrayList<>();
    walk(Layout.REPOSITORIES, "", out, 0);
    out.sort(null);
    return out;
  }

  private void walk(String dir, String name, List<String> out, int depth) {
    if (depth > 64) {
      return;
    }
    boolean isRepo = false;
    List<String> subdirs = new ArrayList<>();
    for (String child : Links.children(storage, dir)) {
      String last = Links.lastComponent(child);
      if (last.equals("_layers") || last.equals("_manifests") || last.equals("_uploads")) {
        isRepo = true;
      } else if (!last.startsWith("_")) {
        subdirs.add(last);
      }
    }
    if (isRepo && OciNames.isValidRepositoryName(name)) {
      out.add(name);
    }
    for (String sub : subdirs) {
      walk(dir + "/" + sub, name.isEmpty() ? sub : name + "/" + sub, out, depth + 1);
    }
  }
}
