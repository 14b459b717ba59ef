package io.trustyard.signer.grpc;

import io.grpc.stub.StreamObserver;
import io.trustyard.signer.KeyService;
import io.trustyard.signer.SignerError;
import io.trustyard.signer.SignerException;
import io.trustyard.signer.SignerKey;
import io.trustyard.signer.grpc.proto.CreateKeyRequest;
import io.trustyard.signer.grpc.proto.GetKeyInfoResponse;
import io.trustyard.signer.grpc.proto.KeyID;
import io.trustyard.signer.grpc.proto.KeyManagementGrpc;
import io.trustyard.signer.grpc.proto.PublicKey;
import io.trustyard.signer.grpc.proto.Void;

/** notary-signer's KeyManagement service over a {@link KeyService}. */
final class KeyManagementGrpcService extends KeyManagementGrpc.KeyManagementImplBase {

  private final KeyService keys;

  KeyManagementGrpcService(KeyService keys) {
    this.keys = keys;
  }

  @Override
  public void createKey(CreateKeyRequest request, StreamObserver<PublicKey> response) {
    Calls.answer(response, () -> {
      SignerKey key = keys.createKey(request.getAlgorithm(), request.getGun(), request.getRole());
      return PublicKey.newBuilder().setKeyInfo(Messages.keyInfo(key.id(), key.algorithm()))
          .setPublicKey(Messages.bytes(key.publicBytes())).build();
    });
  }

  @Override
  public void deleteKey(KeyID request, StreamObserver<Void> response) {
    Calls.answer(response, () -> {
      keys.deleteKey(request.getID());
      return Void.getDefaultInstance();
    });
  }

  @Override
  public void getKeyInfo(KeyID request, StreamObserver<GetKeyInfoResponse> response) {
    Calls.answer(response, () -> {
      SignerKey key = keys.getKey(request.getID()).orElseThrow(() -> new SignerException(
          SignerError.KEY_NOT_FOUND, "key " + Messages.shorten(request.getID()) + " not found"));
      return GetKeyInfoResponse.newBuilder().setKeyInfo(Messages.keyInfo(key.id(), key.algorithm()))
          .setPublicKey(Messages.bytes(key.publicBytes())).setRole(key.role()).build();
    });
  }
}
