package io.trustyard.registry.storage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The driver contract against s3proxy (from Maven) running on a loopback port. */
class S3DriverTest extends StorageDriverContract {
  static Process s3proxy;
  static S3Client client;
  @TempDir static Path work;

  @BeforeAll
  static void startS3Proxy() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path props = work.resolve("s3proxy.properties");
    Files.writeString(props, String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=test-identity",
        "s3proxy.credential=test-credential",
        "jclouds.provider=transient",
        "jclouds.identity=test-identity",
        "jclouds.credential=test-credential", ""));
    Path log = work.resolve("s3proxy.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    s3proxy = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.gaul.s3proxy.Main",
        "--properties", props.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    awaitListening(port, log);
    client = S3Driver.client("us-east-1", "http://127.0.0.1:" + port, "test-identity", "test-credential", true);
  }

  static void awaitListening(int port, Path log) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!s3proxy.isAlive()) {
        throw new AssertionError("s3proxy exited: " + Files.readString(log));
      }
      try {
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException e) {
        // not listening yet
      }
      s3proxy.waitFor(100, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("s3proxy did not start: " + Files.readString(log));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (client != null) {
      client.close();
    }
    if (s3proxy != null) {
      s3proxy.destroy();
      s3proxy.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Override
  protected StorageDriver driver() {
    String bucket = "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    client.createBucket(b -> b.bucket(bucket));
    return new S3Driver(client, bucket, "registry-root");
  }
}
