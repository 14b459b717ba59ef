package io.trustyard.store;

/** A database failure that callers cannot fix by changing their input (connection lost, SQL error). */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
