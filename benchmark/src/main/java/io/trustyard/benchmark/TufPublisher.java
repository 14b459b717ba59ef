package io.trustyard.benchmark;

import io.trustyard.client.notary.NotaryClient;
import io.trustyard.client.notary.NotaryRepository;
import io.trustyard.client.trust.EnvPassphrases;
import io.trustyard.client.trust.KeyFileStore;
import io.trustyard.client.trust.PromptPassphrases;
import io.trustyard.client.trust.TrustDir;
import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustPinning;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.tuf.edit.InMemorySigner;
import io.trustyard.core.tuf.edit.Repository;
import io.trustyard.core.tuf.edit.RepositoryDraft;
import io.trustyard.core.tuf.edit.RepositoryEditor;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A publisher of one repository (GUN) on a trust server, as lean as a client can be so that the
 * server's work dominates: the repository is created once with the client library (root and
 * targets keys in a trust dir, snapshot and timestamp keys on the server, as docker does), then each
 * publish signs the next targets.json in memory and POSTs only that; the server must check it,
 * make and sign snapshot and timestamp (through its signer) and store all three.
 */
final class TufPublisher {
  static final Map<String, String> PASSPHRASES = Map.of(
      "NOTARY_ROOT_PASSPHRASE", "bench-root-passphrase",
      "NOTARY_TARGETS_PASSPHRASE", "bench-targets-passphrase",
      "NOTARY_SNAPSHOT_PASSPHRASE", "bench-snapshot-passphrase");

  final String gun;
  private final NotaryClient client;
  private final TufPrivateKey targetsKey;
  private final AtomicReference<Repository> latest;

  private TufPublisher(String gun, NotaryClient client, TufPrivateKey targetsKey, Repository initial) {
    this.gun = gun;
    this.client = client;
    this.targetsKey = targetsKey;
    this.latest = new AtomicReference<>(initial);
  }

  /** Creates {@code gun} on the server at {@code url}, its keys in {@code trustDir}, with {@code targets} targets. */
  static TufPublisher create(String url, HttpClient http, Path trustDir, String gun, int targets) {
    KeyFileStore keys = new KeyFileStore(new TrustDir(trustDir),
        new EnvPassphrases(PASSPHRASES, PromptPassphrases.console(Map.of())), new SecureRandom());
    NotaryRepository repo = new NotaryRepository(gun, URI.create(url), http, Optional.empty(), keys,
        new TrustPinning(Map.of(), Map.of(), false), Clock.systemUTC(), new SecureRandom(), w -> { });
    Repository initial = repo.publish(List.of(), NotaryRepository.Creation.DOCKER).repository();
    String targetsId = keys.list().stream()
        .filter(k -> k.role().equals(RoleNames.TARGETS) && k.gun().map(gun::equals).orElse(false))
        .findFirst().orElseThrow().canonicalId();
    TufPublisher publisher = new TufPublisher(gun, repo.client(NotaryClient.Access.PUSH), keys.load(targetsId), initial);
    if (targets > 0) {
      publisher.publish(draft -> {
        for (int i = 0; i < targets; i++) {
          draft.addTarget(RoleNames.TARGETS, "target-" + i, meta("content of target " + i));
        }
      });
    }
    return publisher;
  }

  /** What became of one publish attempt. */
  enum Outcome { ACCEPTED, REFUSED_STALE, SERVER_ERROR }

  /** The nanoseconds of an accepted upload, or what else happened to it. */
  record Attempt(Outcome outcome, long nanos) {}

  /**
   * Publishes the next targets.json with one more target and times the upload alone. A refusal
   * because another publisher of this GUN got there first (4xx) or a server error (5xx, which
   * notary-server is known to answer some concurrent updates of one GUN with) is reported, not
   * thrown: the caller counts it and tries again on the newer state.
   */
  Attempt publishOne(String targetName) {
    Repository base = latest.get();
    Repository next = edit(base, draft -> draft.addTarget(RoleNames.TARGETS, targetName, meta(targetName)));
    long start = System.nanoTime();
    try {
      client.publish(Map.of(RoleNames.TARGETS, next.file(RoleNames.TARGETS).orElseThrow()));
    } catch (TrustException e) {
      if (e.kind() == TrustException.Kind.REJECTED || String.valueOf(e.getMessage()).contains("HTTP 409")) {
        return new Attempt(Outcome.REFUSED_STALE, 0);
      }
      if (e.kind() == TrustException.Kind.SERVER) {
        return new Attempt(Outcome.SERVER_ERROR, 0);
      }
      throw e;
    }
    long took = System.nanoTime() - start;
    latest.compareAndSet(base, next);
    return new Attempt(Outcome.ACCEPTED, took);
  }

  private void publish(java.util.function.Consumer<RepositoryDraft> changes) {
    Repository base = latest.get();
    Repository next = edit(base, changes);
    client.publish(Map.of(RoleNames.TARGETS, next.file(RoleNames.TARGETS).orElseThrow()));
    latest.set(next);
  }

  private Repository edit(Repository base, java.util.function.Consumer<RepositoryDraft> changes) {
    RepositoryDraft draft = new RepositoryEditor(new InMemorySigner(List.of(targetsKey)), Instant.now()).edit(base);
    changes.accept(draft);
    return draft.publish();
  }

  static FileMeta meta(String content) {
    return FileMeta.of(content.getBytes(StandardCharsets.UTF_8));
  }
}
