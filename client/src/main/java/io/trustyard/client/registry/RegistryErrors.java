package io.trustyard.client.registry;

import io.trustyard.client.registry.RegistryException.Kind;
import io.trustyard.core.oci.OciErrors;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/** Turns HTTP failures and the registry's error envelope into messages a person can act on. */
final class RegistryErrors {

  private RegistryErrors() {}

  /** A failure to talk to the registry at all. */
  static RegistryException io(String host, IOException e) {
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException || t instanceof UnknownHostException
          || t instanceof UnresolvedAddressException || t instanceof ConnectException) {
        root = t;
        break;
      }
    }
    if (root instanceof SSLException) {
      return new RegistryException(Kind.TLS, "TLS handshake with registry " + host + " failed ("
          + detail(root) + "). If it uses a private CA, give its certificate with --tls-ca (or"
          + " TRUSTYARD_TLS_CA); if it speaks plain HTTP, allow that with --insecure-registry " + host,
          0, List.of(), e);
    }
    if (root instanceof UnknownHostException || root instanceof UnresolvedAddressException) {
      return new RegistryException(Kind.UNREACHABLE, "cannot reach registry " + host
          + ": the host name does not resolve (check the image name's registry part)", 0, List.of(), e);
    }
    if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
      return new RegistryException(Kind.UNREACHABLE, "cannot reach registry " + host
          + ": the connection timed out (is it running, and is the address right?)", 0, List.of(), e);
    }
    if (root instanceof ConnectException) {
      return new RegistryException(Kind.UNREACHABLE, "cannot reach registry " + host
          + ": connection refused (is it running, and is the address right?)", 0, List.of(), e);
    }
    return new RegistryException(Kind.UNREACHABLE, "cannot reach registry " + host + ": "
        + detail(e), 0, List.of(), e);
  }

  /**
   * An error answer. {@code what} names the thing asked for ("manifest x:1", "blob sha256:..."),
   * {@code authenticated} says whether credentials were sent.
   */
  static RegistryException status(String host, String repository, String what, int status,
      byte[] body, boolean authenticated) {
    List<OciErrors.Entry> errors = OciErrors.parse(body);
    String said = errors.isEmpty() ? "" : " (registry said: " + errors.stream()
        .map(e -> e.code() + (e.message().isEmpty() ? "" : ": " + e.message()))
        .collect(Collectors.joining("; ")) + ")";
    String repo = repository.isEmpty() ? host : host + "/" + repository;
    return switch (status) {
      case 401 -> new RegistryException(Kind.UNAUTHORIZED, authenticated
          ? "the credentials for registry " + host + " were not accepted for " + repo
              + "; log in again with: trustyard login " + host + said
          : "registry " + host + " requires authentication for " + repo + "; log in with: trustyard login "
              + host + said, status, errors, null);
      case 403 -> new RegistryException(Kind.DENIED, "access to " + repo + " is denied"
          + (authenticated ? " for the credentials stored for " + host : "; log in with: trustyard login " + host)
          + said, status, errors, null);
      case 404 -> new RegistryException(Kind.NOT_FOUND, notFound(repo, what, errors) + said,
          status, errors, null);
      case 429 -> new RegistryException(Kind.RATE_LIMITED, "registry " + host
          + " is rate-limiting requests; try again later" + said, status, errors, null);
      default -> status >= 500
          ? new RegistryException(Kind.SERVER, "registry " + host + " failed with HTTP " + status + " on "
              + what + said, status, errors, null)
          : new RegistryException(Kind.REJECTED, "registry " + host + " rejected " + what + " with HTTP "
              + status + said, status, errors, null);
    };
  }

  private static String notFound(String repo, String what, List<OciErrors.Entry> errors) {
    boolean nameUnknown = errors.stream().anyMatch(e -> e.code().equals("NAME_UNKNOWN"));
    if (nameUnknown) {
      return "repository " + repo + " does not exist";
    }
    return what + " not found in " + repo;
  }

  private static String detail(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
