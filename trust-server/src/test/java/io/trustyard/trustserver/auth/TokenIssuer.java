package io.trustyard.trustserver.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustyard.core.crypto.LibtrustKeyId;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A registry token issuer for tests: an ES256 key with a self-signed certificate (the root bundle). */
public final class TokenIssuer {
  private static final ObjectMapper JSON = new ObjectMapper();
  public final KeyPair key;
  public final X509Certificate cert;
  public final String issuer;
  public final String service;

  public TokenIssuer(String issuer, String service) throws Exception {
    this.issuer = issuer;
    this.service = service;
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    key = g.generateKeyPair();
    X500Name name = new X500Name("CN=" + issuer);
    Instant now = Instant.now();
    cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
        BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(1))), name, key.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
  }

  /** One access item: type, name, actions. */
  public record Grant(String type, String name, List<String> actions) {}

  public String token(List<Grant> grants, Duration validFor, boolean x5c) throws Exception {
    return token(grants, validFor, x5c, issuer, service);
  }

  public String token(List<Grant> grants, Duration validFor, boolean x5c, String iss, String aud) throws Exception {
    ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "ES256");
    if (x5c) {
      header.putArray("x5c").add(Base64.getEncoder().encodeToString(cert.getEncoded()));
    } else {
      header.put("kid", LibtrustKeyId.of(key.getPublic()));
    }
    Instant now = Instant.now();
    ObjectNode claims = JSON.createObjectNode().put("iss", iss).put("sub", "tester").put("aud", aud)
        .put("exp", now.plus(validFor).getEpochSecond()).put("nbf", now.minusSeconds(5).getEpochSecond())
        .put("iat", now.getEpochSecond()).put("jti", Long.toHexString(new SecureRandom().nextLong()));
    ArrayNode access = claims.putArray("access");
    for (Grant g : grants) {
      ObjectNode item = access.addObject().put("type", g.type()).put("name", g.name());
      g.actions().forEach(item.putArray("actions")::add);
    }
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input = b64.encodeToString(JSON.writeValueAsBytes(header)) + "." + b64.encodeToString(JSON.writeValueAsBytes(claims));
    Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
    s.initSign(key.getPrivate());
    s.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64.encodeToString(s.sign());
  }
}
