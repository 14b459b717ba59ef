package io.trustyard.core.oci;

import java.util.List;
import java.util.Map;

/** A parsed image manifest or index. The raw bytes stay with the caller: they are the truth. */
public sealed interface Manifest permits ImageManifest, ImageIndex {
  /** The media type the manifest was pushed as (from its field or the request's Content-Type). */
  String mediaType();

  /** May be null. */
  String artifactType();

  /** May be null: the manifest this one refers to (referrers API). */
  Descriptor subject();

  Map<String, String> annotations();

  /** The content a registry must already hold for this manifest to be accepted. */
  List<Descriptor> references();
}
