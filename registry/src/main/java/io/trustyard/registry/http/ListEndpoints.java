package io.trustyard.registry.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.MediaTypes;
import io.trustyard.core.oci.OciErrorCode;
import io.trustyard.registry.service.Pagination;
import io.trustyard.registry.service.References;
import io.trustyard.registry.service.ReferrersService.Referrer;
import io.trustyard.registry.service.RegistryException;
import io.trustyard.registry.service.RegistryServices;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tag list, catalog and referrers. */
final class ListEndpoints {
  private static final int CATALOG_DEFAULT = 100;
  private static final int CATALOG_MAX = 1000;
  private final RegistryServices services;

  ListEndpoints(RegistryServices services) {
    this.services = services;
  }

  void tags(String repo, ServerRequest req, ServerResponse res) {
    Integer n = number(req);
    String last = Http.query(req, "last");
    Pagination.Page page = services.manifests().tagsPage(repo, n, last);
    if (page.more()) {
      link(res, "/v2/" + repo + "/tags/list", n, page.items().get(page.items().size() - 1));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", repo);
    body.put("tags", page.items());
    Http.json(res, 200, body);
  }

  void catalog(ServerRequest req, ServerResponse res) {
    Integer n = number(req);
    if (n != null && n > CATALOG_MAX) {
      throw new RegistryException(OciErrorCode.PAGINATION_NUMBER_INVALID, "n must be at most " + CATALOG_MAX,
          Map.of("n", n));
    }
    int size = n == null ? CATALOG_DEFAULT : n;
    Pagination.Page page = Pagination.page(services.catalog().repositories(), size, Http.query(req, "last"));
    if (page.more()) {
      link(res, "/v2/_catalog", size, page.items().get(page.items().size() - 1));
    }
    Http.json(res, 200, Map.of("repositories", page.items()));
  }

  void referrers(String repo, String reference, ServerRequest req, ServerResponse res) {
    Digest subject = References.digest(reference, OciErrorCode.DIGEST_INVALID);
    Set<String> types = new LinkedHashSet<>(Http.queryAll(req, "artifactType"));
    List<Referrer> referrers = services.referrers().referrers(repo, subject, types);
    ObjectNode index = Http.JSON.createObjectNode();
    index.put("schemaVersion", 2);
    index.put("mediaType", MediaTypes.OCI_INDEX);
    ArrayNode manifests = index.putArray("manifests");
    for (Referrer r : referrers) {
      ObjectNode d = manifests.addObject();
      d.put("mediaType", r.mediaType());
      d.put("digest", r.digest().toString());
      d.put("size", r.size());
      if (r.artifactType() != null) {
        d.put("artifactType", r.artifactType());
      }
      if (!r.annotations().isEmpty()) {
        ObjectNode a = d.putObject("annotations");
        r.annotations().forEach(a::put);
      }
    }
    if (!types.isEmpty()) {
      res.header("OCI-Filters-Applied", "artifactType");
    }
    Http.send(res, 200, MediaTypes.OCI_INDEX, Http.utf8(index.toString()));
  }

  private static Integer number(ServerRequest req) {
    String n = Http.query(req, "n");
    if (n == null || n.isEmpty()) {
      return null;
    }
    try {
      int value = Integer.parseInt(n);
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new RegistryException(OciErrorCode.PAGINATION_NUMBER_INVALID,
          "n must be a non-negative integer, not '" + n + "'", Map.of("n", n));
    }
  }

  private static void link(ServerResponse res, String path, int n, String last) {
    res.header("Link", "<" + path + "?last=" + URLEncoder.encode(last, StandardCharsets.UTF_8) + "&n=" + n
        + ">; rel=\"next\"");
  }
}
