package io.github.jobstore.store;

/**
 * A listener's subscription to a {@link JobStore}'s events ({@link JobStore#subscribe}); closing it
 * stops delivery. Thread-safe.
 */
public interface Subscription extends AutoCloseable {

  /**
   * Stops delivery to the listener: once this returns, no event of a later write reaches it, and of
   * the events not yet delivered it gets at most one, whose delivery had already begun; the rest
   * are dropped. It does not wait for a call of the listener that is running (which may be the
   * caller's own, when a listener closes its subscription). Closing again does nothing.
   */
  @Override
  void close();
}
