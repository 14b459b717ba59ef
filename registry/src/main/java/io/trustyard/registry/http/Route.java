package io.trustyard.registry.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which endpoint a path names. Repository names contain slashes, so the endpoint is recognised by
 * the path's suffix and everything between {@code /v2/} and it is the name.
 */
record Route(Kind kind, String name, String reference) {
  enum Kind { BASE, CATALOG, UPLOADS, UPLOAD, BLOB, MANIFEST, TAGS, REFERRERS }

  private static final Pattern UPLOADS = Pattern.compile("(.+)/blobs/uploads/?");
  private static final Pattern UPLOAD = Pattern.compile("(.+)/blobs/uploads/([^/]+)");
  private static final Pattern BLOB = Pattern.compile("(.+)/blobs/([^/]+)");
  private static final Pattern MANIFEST = Pattern.compile("(.+)/manifests/([^/]+)");
  private static final Pattern TAGS = Pattern.compile("(.+)/tags/list");
  private static final Pattern REFERRERS = Pattern.compile("(.+)/referrers/([^/]+)");

  /** The route of a raw request path, or null for paths outside the API. */
  static Route of(String path) {
    if (path.equals("/v2") || path.equals("/v2/")) {
      return new Route(Kind.BASE, null, null);
    }
    if (!path.startsWith("/v2/") || path.length() > 2048) {
      return null;
    }
    String rest = path.substring(4);
    if (rest.equals("_catalog")) {
      return new Route(Kind.CATALOG, null, null);
    }
    Matcher m;
    if ((m = UPLOADS.matcher(rest)).matches()) {
      return new Route(Kind.UPLOADS, m.group(1), null);
    }
    if ((m = UPLOAD.matcher(rest)).matches()) {
      return new Route(Kind.UPLOAD, m.group(1), m.group(2));
    }
    if ((m = BLOB.matcher(rest)).matches()) {
      return new Route(Kind.BLOB, m.group(1), m.group(2));
    }
    if ((m = MANIFEST.matcher(rest)).matches()) {
      return new Route(Kind.MANIFEST, m.group(1), m.group(2));
    }
    if ((m = TAGS.matcher(rest)).matches()) {
      return new Route(Kind.TAGS, m.group(1), null);
    }
    if ((m = REFERRERS.matcher(rest)).matches()) {
      return new Route(Kind.REFERRERS, m.group(1), m.group(2));
    }
    return null;
  }
}
