package io.trustyard.client.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.Platform;
import java.util.Map;
import java.util.TreeMap;

/** Writes descriptors as the OCI image spec spells them (field order as docker and skopeo write it). */
public final class DescriptorJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private DescriptorJson() {}

  public static ObjectNode write(Descriptor d) {
    ObjectNode o = JSON.createObjectNode();
    o.put("mediaType", d.mediaType());
    o.put("digest", d.digest().toString());
    o.put("size", d.size());
    if (!d.urls().isEmpty()) {
      d.urls().forEach(o.putArray("urls")::add);
    }
    if (!d.annotations().isEmpty()) {
      ObjectNode a = o.putObject("annotations");
      new TreeMap<>(d.annotations()).forEach(a::put);
    }
    if (d.artifactType() != null) {
      o.put("artifactType", d.artifactType());
    }
    if (d.data() != null) {
      o.put("data", d.data());
    }
    Platform p = d.platform();
    if (p != null) {
      ObjectNode po = o.putObject("platform");
      if (p.architecture() != null) {
        po.put("architecture", p.architecture());
      }
      if (p.os() != null) {
        po.put("os", p.os());
      }
      if (p.osVersion() != null) {
        po.put("os.version", p.osVersion());
      }
      if (!p.osFeatures().isEmpty()) {
        p.osFeatures().forEach(po.putArray("os.features")::add);
      }
      if (p.variant() != null) {
        po.put("variant", p.variant());
      }
    }
    return o;
  }

  /** A copy of the descriptor with other annotations. */
  public static Descriptor withAnnotations(Descriptor d, Map<String, String> annotations) {
    return new Descriptor(d.mediaType(), d.digest(), d.size(), d.urls(), annotations, d.artifactType(),
        d.platform(), d.data());
  }
}
