package io.trustyard.benchmark;

import io.trustyard.signer.SignerKey;
import io.trustyard.signer.grpc.RemoteKeyService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sign RPCs per second (ECDSA P-256) against notary-signer and Trustyard's signer, over mutual TLS
 * gRPC, with the same client for both: Trustyard's RemoteKeyService (the trust server's client).
 */
final class SignerGroup implements BenchGroup {
  private static final int THREADS = 16;
  private static final byte[] CONTENT = ("{\"signed\":{\"_type\":\"Timestamp\",\"expires\":\"2030-01-01T00:00:00Z\","
      + "\"meta\":{\"snapshot.json\":{\"hashes\":{\"sha256\":\"00\"},\"length\":1}},\"version\":1}}")
      .getBytes(StandardCharsets.UTF_8);

  @Override
  public String id() {
    return "signer";
  }

  @Override
  public String title() {
    return "Signer: Sign RPCs over mutual TLS gRPC";
  }

  @Override
  public void run(BenchEnv env, Section section) throws Exception {
    TrustStack stack = env.shared(TrustStack.class, TrustStack::start);
    int rounds = TrustStack.rounds(env);
    List<RemoteKeyService> clients = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    try {
      for (TrustStack.Side side : stack.both()) {
        RemoteKeyService client = stack.signerClient(side);
        clients.add(client);
        SignerKey key = client.createKey("ecdsa", "bench.example.com/signer", "timestamp");
        keys.add(key.id());
      }
      for (int s = 0; s < 2; s++) {
        signFor(clients.get(s), keys.get(s), env.seconds); // warm-up, not recorded
      }
      double[] best = {0, 0};
      for (int i = 0; i < rounds; i++) {
        for (int s = 0; s < 2; s++) {
          best[s] = Math.max(best[s], signFor(clients.get(s), keys.get(s), env.seconds));
        }
      }
      section.add(new Figure("Sign RPCs/s, ECDSA P-256, " + THREADS + " concurrent callers", "RPCs/s",
          TrustStack.PEER_SIGNER, best[0], best[1], true, 1.5, null));
      section.note("one gRPC channel per signer (HTTP/2, mutual TLS with the trust server's client certificate), "
          + THREADS + " threads calling Sign back to back for " + env.seconds + " s, best of " + rounds
          + "; keys held encrypted in PostgreSQL by each signer");
    } finally {
      clients.forEach(RemoteKeyService::close);
    }
  }

  private static double signFor(RemoteKeyService client, String keyId, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    long total = 0;
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      List<Future<Long>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(pool.submit(() -> {
          long n = 0;
          while (System.nanoTime() < deadline) {
            client.sign(keyId, CONTENT);
            n++;
          }
          return n;
        }));
      }
      for (Future<Long> f : futures) {
        total += f.get();
      }
    }
    return total / ((System.nanoTime() - start) / 1e9);
  }
}
