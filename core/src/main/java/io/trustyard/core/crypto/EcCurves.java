package io.trustyard.core.crypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** The NIST curves Go's crypto/x509 names (P-224 is left out: the JDK no longer implements it). */
enum EcCurves {
  P256("1.2.840.10045.3.1.7", "secp256r1"),
  P384("1.3.132.0.34", "secp384r1"),
  P521("1.3.132.0.35", "secp521r1");

  final ASN1ObjectIdentifier oid;
  final String jdkName;
  private volatile ECParameterSpec jdkSpec;
  // Kept so that the comb multiplier's precomputation on G is made once per curve, not per call.
  private volatile X9ECParameters x9;

  EcCurves(String oid, String jdkName) {
    this.oid = new ASN1ObjectIdentifier(oid);
    this.jdkName = jdkName;
  }

  static EcCurves byOid(ASN1ObjectIdentifier oid) {
    for (EcCurves c : values()) {
      if (c.oid.equals(oid)) {
        return c;
      }
    }
    throw new UnsupportedKeyTypeException("unsupported elliptic curve " + oid);
  }

  /** The curve of a JDK EC key, matched on the full domain parameters. */
  static EcCurves of(ECKey key) {
    ECParameterSpec p = key.getParams();
    for (EcCurves c : values()) {
      ECParameterSpec s = c.jdkSpec();
      if (s.getOrder().equals(p.getOrder())
          && s.getGenerator().equals(p.getGenerator())
          && s.getCurve().equals(p.getCurve())) {
        return c;
      }
    }
    throw new UnsupportedKeyTypeException("unsupported elliptic curve of " + key.getClass().getSimpleName());
  }

  ECParameterSpec jdkSpec() {
    ECParameterSpec s = jdkSpec;
    if (s == null) {
      try {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(jdkName));
        s = params.getParameterSpec(ECParameterSpec.class);
      } catch (GeneralSecurityException e) {
        throw new UnsupportedKeyTypeException("the JDK does not implement curve " + jdkName);
      }
      jdkSpec = s;
    }
    return s;
  }

  private X9ECParameters x9() {
    X9ECParameters p = x9;
    if (p == null) {
      p = ECNamedCurveTable.getByOID(oid);
      x9 = p;
    }
    return p;
  }

  BigInteger order() {
    return jdkSpec().getOrder();
  }

  /** Byte length of a scalar (and of each half of an r||s signature). */
  int scalarLength() {
    return (order().bitLength() + 7) / 8;
  }

  /** The public point d·G; the JDK has no public API for it, Bouncy Castle's math does. */
  ECPoint publicPoint(BigInteger d) {
    X9ECParameters x9 = x9();
    ECMultiplier multiplier = new FixedPointCombMultiplier();
    org.bouncycastle.math.ec.ECPoint q = multiplier.multiply(x9.getG(), d).normalize();
    return new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
  }

  /** Uncompressed SEC1 encoding 04||X||Y of a point on this curve. */
  byte[] encodePoint(ECPoint p) {
    int len = (jdkSpec().getCurve().getField().getFieldSize() + 7) / 8;
    byte[] out = new byte[1 + 2 * len];
    out[0] = 4;
    copyUnsigned(p.getAffineX(), out, 1, len);
    copyUnsigned(p.getAffineY(), out, 1 + len, len);
    return out;
  }

  static void copyUnsigned(BigInteger v, byte[] out, int offset, int len) {
    byte[] b = v.toByteArray();
    int start = b.length > len ? b.length - len : 0;
    int n = b.length - start;
    System.arraycopy(b, start, out, offset + len - n, n);
  }
}
