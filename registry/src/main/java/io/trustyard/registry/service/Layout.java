package io.trustyard.registry.service;

import io.trustyard.core.digest.Digest;

/**
 * distribution's storage layout ({@code /docker/registry/v2/...}), so that a directory or bucket
 * written by docker-registry is served as it is, and the reverse. Callers validate names, tags,
 * digests and upload ids before building paths from them.
 */
public final class Layout {
  private Layout() {}

  public static final String ROOT = "/docker/registry/v2";
  public static final String BLOBS = ROOT + "/blobs";
  public static final String REPOSITORIES = ROOT + "/repositories";
  /** Our own additions live outside distribution's tree, so it never trips over them. */
  public static final String TRUSTYARD = "/trustyard";

  public static String blobDir(Digest d) {
    return BLOBS + "/" + d.algorithm().id() + "/" + d.hex().substring(0, 2) + "/" + d.hex();
  }

  public static String blobData(Digest d) {
    return blobDir(d) + "/data";
  }

  public static String repository(String name) {
    return REPOSITORIES + "/" + name;
  }

  public static String layersDir(String name) {
    return repository(name) + "/_layers";
  }

  public static String layerLinkDir(String name, Digest d) {
    return layersDir(name) + "/" + d.algorithm().id() + "/" + d.hex();
  }

  public static String layerLink(String name, Digest d) {
    return layerLinkDir(name, d) + "/link";
  }

  public static String revisionsDir(String name) {
    return repository(name) + "/_manifests/revisions";
  }

  public static String revisionDir(String name, Digest d) {
    return revisionsDir(name) + "/" + d.algorithm().id() + "/" + d.hex();
  }

  public static String revisionLink(String name, Digest d) {
    return revisionDir(name, d) + "/link";
  }

  public static String tagsDir(String name) {
    return repository(name) + "/_manifests/tags";
  }

  public static String tagDir(String name, String tag) {
    return tagsDir(name) + "/" + tag;
  }

  public static String tagCurrentLink(String name, String tag) {
    return tagDir(name, tag) + "/current/link";
  }

  public static String tagIndexLink(String name, String tag, Digest d) {
    return tagDir(name, tag) + "/index/" + d.algorithm().id() + "/" + d.hex() + "/link";
  }

  public static String uploadsDir(String name) {
    return repository(name) + "/_uploads";
  }

  public static String uploadDir(String name, String uuid) {
    return uploadsDir(name) + "/" + uuid;
  }

  public static String uploadData(String name, String uuid) {
    return uploadDir(name, uuid) + "/data";
  }

  public static String uploadStartedAt(String name, String uuid) {
    return uploadDir(name, uuid) + "/startedat";
  }

  /** Refreshed whenever a blob is uploaded, mounted or referenced by a pushed manifest (see GC). */
  public static String blobMarker(Digest d) {
    return TRUSTYARD + "/blob-markers/" + d.algorithm().id() + "/" + d.hex();
  }

  /** The media type a manifest was pushed with (distribution re-derives it from the bytes). */
  public static String manifestMediaType(Digest d) {
    return TRUSTYARD + "/manifest-types/" + d.algorithm().id() + "/" + d.hex();
  }
}
