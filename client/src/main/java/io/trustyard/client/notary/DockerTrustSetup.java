package io.trustyard.client.notary;

import io.trustyard.client.auth.CredentialStore;
import io.trustyard.client.trust.EnvPassphrases;
import io.trustyard.client.trust.KeyFileStore;
import io.trustyard.client.trust.PassphraseRetriever;
import io.trustyard.client.trust.PromptPassphrases;
import io.trustyard.client.trust.TrustDir;
import io.trustyard.client.trust.TrustPinning;
import io.trustyard.core.oci.Reference;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Content trust set up as docker sets it up from its environment: the trust dir
 * {@code $DOCKER_CONFIG/trust}, passphrases from {@code DOCKER_CONTENT_TRUST_*} / {@code NOTARY_*}
 * or the terminal (with docker's prompts), the server from {@code DOCKER_CONTENT_TRUST_SERVER} or
 * the registry, TLS roots from {@code $DOCKER_CONFIG/tls/<host>/*.crt} plus any extra CA files, and
 * the registry's credentials for the trust server's token service.
 */
public final class DockerTrustSetup {
  private final Map<String, String> env;
  private final TrustDir trustDir;
  private final KeyFileStore keys;
  private final CredentialStore credentials;
  private final List<Path> extraCaFiles;
  private final TrustPinning pinning;
  private final Clock clock;
  private final Consumer<String> warnings;
  private final Map<URI, HttpClient> clients = new ConcurrentHashMap<>();

  public DockerTrustSetup(Map<String, String> env, TrustDir trustDir, PassphraseRetriever prompt,
      CredentialStore credentials, List<Path> extraCaFiles, TrustPinning pinning, Clock clock,
      Consumer<String> warnings) {
    this.env = Map.copyOf(env);
    this.trustDir = trustDir;
    this.keys = new KeyFileStore(trustDir, new EnvPassphrases(env, prompt), new SecureRandom());
    this.credentials = credentials;
    this.extraCaFiles = List.copyOf(extraCaFiles);
    this.pinning = pinning;
    this.clock = clock;
    this.warnings = warnings;
  }

  /** Docker's defaults: trust dir from the environment, prompts on the console (when there is one). */
  public static DockerTrustSetup fromEnvironment(Map<String, String> env, CredentialStore credentials,
      Consumer<String> warnings) {
    return fromEnvironment(env, credentials, Clock.systemUTC(), warnings);
  }

  /** As {@link #fromEnvironment(Map, CredentialStore, Consumer)}, judging expiry by {@code clock}. */
  public static DockerTrustSetup fromEnvironment(Map<String, String> env, CredentialStore credentials,
      Clock clock, Consumer<String> warnings) {
    return new DockerTrustSetup(env, TrustDir.docker(env), PromptPassphrases.console(PromptPassphrases.DOCKER_ALIASES),
        credentials, List.of(), TrustPinning.TOFU, clock, warnings);
  }

  public TrustDir trustDir() {
    return trustDir;
  }

  public KeyFileStore keys() {
    return keys;
  }

  /** The trust repository of an image (GUN = its fully qualified name). */
  public NotaryRepository open(Reference image) {
    URI server = DockerContentTrust.server(env, image.registry());
    HttpClient http = clients.computeIfAbsent(server, s -> {
      List<Path> cas = new ArrayList<>(extraCaFiles);
      cas.addAll(TrustTls.dockerCaFiles(env, s.getRawAuthority()));
      return NotaryClient.httpClient(TrustTls.withCaFiles(cas));
    });
    return new NotaryRepository(DockerContentTrust.gun(image), server, http, credentials.get(image.registry()),
        keys, pinning, clock, new SecureRandom(), warnings);
  }

  /** The trust policy for push and pull. */
  public NotaryTrustPolicy policy(Consumer<String> out) {
    return new NotaryTrustPolicy(this::open, out);
  }

  /** Whether {@code DOCKER_CONTENT_TRUST} turns trust on. */
  public boolean enabledByEnvironment() {
    return DockerContentTrust.enabled(env);
  }

  static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).filter(s -> !s.isEmpty());
  }
}
