package io.trustyard.client.registry;

import io.trustyard.client.auth.CredentialStore;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * The entry point of the registry client: one per program, holding the HTTP client and one
 * {@link RegistryTransport} (with its auth state) per registry host.
 */
public final class RegistryClient {

  /**
   * How to reach registries: credentials; registries that may fall back to plain HTTP when HTTPS
   * fails (docker's insecure registries); registries that speak only plain HTTP (no HTTPS attempt);
   * the TLS context; and the upload chunk size (0: one request per blob).
   */
  public record Options(CredentialStore credentials, Set<String> insecureRegistries, Set<String> plainHttp,
      SSLContext sslContext, long chunkSize) {
    public Options {
      insecureRegistries = Set.copyOf(insecureRegistries);
      plainHttp = Set.copyOf(plainHttp);
    }

    public static Options defaults(CredentialStore credentials) {
      return new Options(credentials, Set.of(), Set.of(), null, 0);
    }

    public Options withChunkSize(long size) {
      return new Options(credentials, insecureRegistries, plainHttp, sslContext, size);
    }

    public Options withInsecure(Set<String> hosts) {
      return new Options(credentials, hosts, plainHttp, sslContext, chunkSize);
    }

    public Options withPlainHttp(Set<String> hosts) {
      return new Options(credentials, insecureRegistries, hosts, sslContext, chunkSize);
    }

    public Options withSslContext(SSLContext context) {
      return new Options(credentials, insecureRegistries, plainHttp, context, chunkSize);
    }
  }

  private final HttpClient http;
  private final Options options;
  private final Map<String, RegistryTransport> transports = new ConcurrentHashMap<>();

  public RegistryClient(Options options) {
    this.options = options;
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(30))
        // Redirects are followed by the transport, which keeps credentials off other hosts.
        .followRedirects(HttpClient.Redirect.NEVER);
    if (options.sslContext() != null) {
      b.sslContext(options.sslContext());
    }
    this.http = b.build();
  }

  public Options options() {
    return options;
  }

  /** The transport of a registry host ({@code host[:port]} as in image references). */
  public RegistryTransport transport(String host) {
    return transports.computeIfAbsent(host, h -> new RegistryTransport(http, h, allowsHttp(h),
        options.plainHttp().contains(h), options.credentials()));
  }

  /** A repository on a registry; {@code push} asks for push rights as well as pull. */
  public RepositoryClient repository(String host, String repository, boolean push) {
    return new RepositoryClient(transport(host), repository, push, options.chunkSize());
  }

  /**
   * Plain HTTP is allowed for loopback registries (as docker does for 127.0.0.0/8) and for those
   * named insecure; HTTPS is always tried first.
   */
  boolean allowsHttp(String host) {
    if (options.insecureRegistries().contains(host)) {
      return true;
    }
    String name = host.startsWith("[") ? host.substring(1, host.indexOf(']'))
        : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
    name = name.toLowerCase(Locale.ROOT);
    return name.equals("localhost") || name.startsWith("127.") || name.equals("::1");
  }
}
