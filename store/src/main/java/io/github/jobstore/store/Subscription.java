package io.github.jobstore.store;

/**
 * A listener's subscription to a {@link JobStore}'s events ({@link JobStore#subscribe}); closing it
 * stops delivery. Thread-safe.
 */
public interface Subscription extends AutoCloseable {

  /**
   * Stops delivery to the listener: once this returns, no new call of the listener starts (a call
   * already running finishes), and the events not yet delivered are dropped. Closing again does
   * nothing.
   */
  @Override
  void close();
}
