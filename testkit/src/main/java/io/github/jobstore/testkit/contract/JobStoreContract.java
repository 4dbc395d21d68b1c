package io.github.jobstore.testkit.contract;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract every {@link JobStore} implementation must pass: each behaviour of the store (its
 * ids and timestamps, queries, pagination, updates, deletes and iterations), one test per
 * behaviour. Extend it and say how to make a fresh store:
 *
 * <pre>{@code
 * import io.github.jobstore.store.JobStore;
 * import io.github.jobstore.testkit.contract.JobStoreContract;
 *
 * class MyJobStoreTest extends JobStoreContract {
 *   @Override
 *   protected JobStore newStore(Clock clock, Supplier<UUID> idGenerator) {
 *     return new MyJobStore(clock, idGenerator);
 *   }
 * }
 * }</pre>
 *
 * <p>That is all a subclass has to write: it runs every test of the contract. The tests live in
 * test interfaces of this package, one per concern of the store, whose default {@code @Test}
 * methods JUnit runs on the subclass: {@code create}, {@code find} and {@code get}; {@code
 * findByProject} and {@code findByStatus}; the filters, search, orderings and pagination of {@code
 * list}; {@code update}; {@code delete}; {@code restore}; {@code appendIteration}; the iterations
 * resource ({@code createIteration}, {@code findIteration}, {@code updateIteration}, {@code
 * deleteIteration}); and the filters, orderings and pages of {@code listIterations}. This class
 * owns the fixture they share and reach through {@link #store()} and {@link #clock()}.
 *
 * <p>Every test gets a new store on a {@link MutableClock} that starts at {@link #START} and only
 * moves when the test moves it, and an id generator that hands out {@link #id(long) id(1)}, {@code
 * id(2)}, … in turn, so every timestamp and id the store assigns is known in advance.
 */
public abstract class JobStoreContract
    implements JobStoreCreateContract,
        JobStoreFindByContract,
        JobStoreListFilterContract,
        JobStoreListOrderingContract,
        JobStoreListSearchContract,
        JobStoreListPaginationContract,
        JobStoreUpdateContract,
        JobStoreDeleteContract,
        JobStoreRestoreContract,
        JobStoreAppendIterationContract,
        JobStoreIterationContract,
        JobStoreListIterationsContract,
        JobStoreEventContract,
        JobStoreWhenContract {

  /** Where each test's clock starts: an instant with nanoseconds, so truncation shows. */
  protected static final Instant START = Instant.parse("2026-03-01T12:00:00.123456789Z");

  /** {@link #START} truncated to microseconds: the timestamp of a job created at the start. */
  static final Instant START_MICROS = Instant.parse("2026-03-01T12:00:00.123456Z");

  private final MutableClock clock = new MutableClock(START);
  private final AtomicLong issuedIds = new AtomicLong();
  private @Nullable JobStore store;

  /**
   * Returns a new, empty store that reads the time from {@code clock} and takes every id it assigns
   * (to jobs and to iterations) from {@code idGenerator}.
   */
  protected abstract JobStore newStore(Clock clock, Supplier<UUID> idGenerator);

  /**
   * Returns the {@code n}th id the contract's generator hands out, from 1: a version 4 UUID whose
   * last digits are {@code n} in hexadecimal.
   */
  protected static UUID id(long n) {
    return new UUID(0x4000L, 0x8000_0000_0000_0000L | n);
  }

  /** Returns the store under test, made by {@link #newStore} for this test. */
  @Override
  public final JobStore store() {
    return requireNonNull(store, "the store is made before each test");
  }

  /** Returns the clock the store under test reads. */
  @Override
  public final MutableClock clock() {
    return clock;
  }

  @BeforeEach
  final void makeStore() {
    store = requireNonNull(newStore(clock, () -> id(issuedIds.incrementAndGet())), "newStore");
  }
}
