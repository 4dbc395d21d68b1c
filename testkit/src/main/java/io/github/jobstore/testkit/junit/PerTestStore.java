package io.github.jobstore.testkit.junit;

import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.testkit.JobStoreRecorder;
import io.github.jobstore.testkit.MutableClock;
import java.time.Instant;

/**
 * What {@link JobStoreExtension} makes for one test: a store, the clock it reads and a recorder of
 * its events. Kept in the test's {@code ExtensionContext.Store}, which closes it (JUnit closes the
 * {@link AutoCloseable} values of a store when the test's context ends), so the recorder stops
 * listening once the test is over.
 */
record PerTestStore(InMemoryJobStore store, MutableClock clock, JobStoreRecorder recorder)
    implements AutoCloseable {

  /** A new, empty store on a new clock at {@code start}, with random version 4 UUIDs. */
  static PerTestStore startingAt(Instant start) {
    MutableClock clock = new MutableClock(start);
    InMemoryJobStore store = InMemoryJobStore.builder().clock(clock).build();
    return new PerTestStore(store, clock, JobStoreRecorder.attach(store));
  }

  @Override
  public void close() {
    recorder.close();
  }
}
