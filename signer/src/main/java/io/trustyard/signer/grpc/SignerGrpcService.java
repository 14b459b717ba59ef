package io.trustyard.signer.grpc;

import io.grpc.stub.StreamObserver;
import io.trustyard.signer.KeyService;
import io.trustyard.signer.Signed;
import io.trustyard.signer.grpc.proto.Algorithm;
import io.trustyard.signer.grpc.proto.Signature;
import io.trustyard.signer.grpc.proto.SignatureRequest;
import io.trustyard.signer.grpc.proto.SignerGrpc;

/** notary-signer's Signer service over a {@link KeyService}. */
final class SignerGrpcService extends SignerGrpc.SignerImplBase {

  private final KeyService keys;

  SignerGrpcService(KeyService keys) {
    this.keys = keys;
  }

  @Override
  public void sign(SignatureRequest request, StreamObserver<Signature> response) {
    Calls.answer(response, () -> {
      Signed signed = keys.sign(request.getKeyID().getID(), request.getContent().toByteArray());
      return Signature.newBuilder().setKeyInfo(Messages.keyInfo(signed.keyId(), signed.keyAlgorithm()))
          .setAlgorithm(Algorithm.newBuilder().setAlgorithm(signed.method()))
          .setContent(Messages.bytes(signed.signature())).build();
    });
  }
}
