package io.trustyard.signer.grpc;

import com.google.protobuf.ByteString;
import io.trustyard.signer.grpc.proto.Algorithm;
import io.trustyard.signer.grpc.proto.KeyID;
import io.trustyard.signer.grpc.proto.KeyInfo;

/** Small builders for the protocol's nested messages. */
final class Messages {

  private Messages() {}

  static KeyInfo keyInfo(String keyId, String algorithm) {
    return KeyInfo.newBuilder().setKeyID(KeyID.newBuilder().setID(keyId))
        .setAlgorithm(Algorithm.newBuilder().setAlgorithm(algorithm)).build();
  }

  static ByteString bytes(byte[] b) {
    return ByteString.copyFrom(b);
  }

  static String shorten(String s) {
    String printable = s.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 80 ? printable : printable.substring(0, 80) + "...";
  }
}
