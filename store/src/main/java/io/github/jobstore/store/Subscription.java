package io.github.jobstore.store;

/**
 * A listener's subscription to a {@link JobStore}'s events ({@link JobStore#subscribe}); closing it
 * stops delivery. Thread-safe.
 */
public interface Subscription extends AutoCloseable {

  /**
   * Stops delivery to the listener: the events of writes that take effect after this returns never
   * reach it, and of those not yet delivered it gets at most the one whose delivery had already
   * begun; the rest are dropped. It does not wait for a call of the listener that is running.
   * Closing again does nothing.
   */
  @Override
  void close();
}
