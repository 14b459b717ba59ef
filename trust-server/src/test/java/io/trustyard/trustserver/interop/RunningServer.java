package io.trustyard.trustserver.interop;

import io.trustyard.trustserver.auth.Authorizer;
import io.trustyard.trustserver.config.TlsFiles;
import io.trustyard.trustserver.http.CacheSettings;
import io.trustyard.trustserver.http.HttpSettings;
import io.trustyard.trustserver.http.TrustHttpServer;
import io.trustyard.signer.KeyService;
import io.trustyard.trustserver.service.NotaryTrustService;
import io.trustyard.trustserver.storage.MetadataStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Our trust server on an ephemeral loopback port with a test CA's certificate. */
public final class RunningServer implements AutoCloseable {
  public final TrustHttpServer http;
  public final TestPki pki;
  public final String url;

  public RunningServer(Path dir, MetadataStore store, KeyService keys, Authorizer auth) throws Exception {
    pki = TestPki.create(dir.resolve("pki"));
    var tls = TlsFiles.serverContext(pki.serverCert, pki.serverKey, null);
    NotaryTrustService service = new NotaryTrustService(store, keys, "ecdsa", Clock.systemUTC());
    http = TrustHttpServer.start(service, auth, new HttpSettings("127.0.0.1", 0, Optional.of(tls),
        CacheSettings.DEFAULT, List.of(), HttpSettings.DEFAULT_MAX_UPLOAD_BYTES));
    url = "https://127.0.0.1:" + http.port();
  }

  @Override
  public void close() {
    http.close();
  }
}
