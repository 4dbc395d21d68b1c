package io.github.jobstore.testkit.contract;

import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobNotFoundException;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import java.util.Optional;
import java.util.UUID;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * The concurrency contract every {@link JobStore} must pass: its operations on one job are
 * linearizable, and racing writers and readers lose, repeat and tear nothing. Extend it and say how
 * to make a fresh store:
 *
 * <pre>{@code
 * public class MyJobStoreConcurrencyTest extends JobStoreConcurrencyContract {
 *   @Override
 *   protected JobStore newStore() {
 *     return new MyJobStore();
 *   }
 * }
 * }</pre>
 *
 * <p>The subclass must be public, with a public no-argument constructor: <a
 * href="https://github.com/JetBrains/lincheck">Lincheck</a> makes one instance per scenario. Each
 * instance holds a new store with {@value #JOBS} pending jobs; Lincheck runs random scenarios of
 * the operations below on several threads at once and checks that every result they returned is
 * explained by some sequential order of the same calls on {@link JobStoreSequentialModel}. The
 * operations return small values that expose what a broken store gets wrong: {@link #raise} returns
 * the counter it stored, so a lost update shows as two equal results; {@link #append} returns the
 * order it was given, so a repeated or skipped order shows; {@link #read} returns the status,
 * counter and iteration count of one version, so a torn read shows; {@link #countWithStatus} counts
 * a query's results, so a job that a query misses or repeats shows.
 *
 * <p>The run is bounded (stress mode, {@value #ITERATIONS} scenarios of 2 threads × 3 operations,
 * one before and one after, each run {@value #INVOCATIONS} times): under a minute for {@code
 * InMemoryJobStore} on a busy 2-core machine. When a store fails, Lincheck reports the smallest
 * scenario it found and the results that no sequential order explains.
 *
 * <p>Lincheck's scenarios are small; the stress tests beside it are large. Each gets a store of its
 * own from {@link #newStore()} and races four threads on it, thousands of writes in all: appends
 * that must get the orders 1 to n, updates that must lose no increment, creates, deletes racing
 * deletes and updates, readers that must see whole versions that only move forward and never
 * change, and queries that must return every job that matched throughout, once. Threads start
 * together; the first failure in time is the one reported, and no thread outlives its test ({@link
 * io.github.jobstore.testkit.Parallel}). One test forces its race instead of waiting for it: an
 * update's function waits for a second update of the same job, which must not complete meanwhile,
 * so a store that runs the function outside the job's lock fails the contract every time, not only
 * when Lincheck or the stress tests happen to catch it (the testkit's own tests prove all three).
 */
@Param(name = "job", gen = IntGen.class, conf = "0:2")
@Param(name = "status", gen = IntGen.class, conf = "0:2")
public abstract class JobStoreConcurrencyContract {

  /** How many jobs each store under test holds at the start. */
  static final int JOBS = 3;

  /** What an operation on a deleted job returns. */
  static final String NOT_FOUND = "not found";

  static final int ITERATIONS = 50;
  static final int INVOCATIONS = 200;

  private static final JobStatus[] STATUSES = {
    JobStatus.PENDING, JobStatus.RUNNING, JobStatus.COMPLETED
  };

  private final JobStore store;
  private final UUID[] ids = new UUID[JOBS];

  /** Makes the store under test, with {@value #JOBS} pending jobs. */
  protected JobStoreConcurrencyContract() {
    store = newStore();
    for (int i = 0; i < JOBS; i++) {
      ids[i] = store.create(JobCreateParams.builder().build()).id();
    }
  }

  /**
   * Returns a new, empty store. Called from the constructor, once per scenario: it must not read
   * the subclass's fields.
   */
  protected abstract JobStore newStore();

  static JobStatus status(int index) {
    return STATUSES[index];
  }

  static String describe(JobStatus status, long counter, long iterations) {
    return status.wireValue() + " counter=" + counter + " iterations=" + iterations;
  }

  /** Sets the job's status; returns it, or {@value #NOT_FOUND}. */
  @Operation
  public String setStatus(@Param(name = "job") int job, @Param(name = "status") int status) {
    try {
      return store
          .update(ids[job], current -> current.withStatus(status(status)))
          .status()
          .wireValue();
    } catch (JobNotFoundException e) {
      return NOT_FOUND;
    }
  }

  /**
   * Raises the job's counter ({@code num_iterations}) by one; returns it, or -1. The function
   * yields the processor before it returns, as a function that does real work might be descheduled:
   * in a store that runs it outside the job's lock, that is when another update slips in.
   */
  @Operation
  public long raise(@Param(name = "job") int job) {
    try {
      return counter(
          store.update(
              ids[job],
              current -> {
                Thread.yield();
                return current.withNumIterations(counter(current) + 1);
              }));
    } catch (JobNotFoundException e) {
      return -1;
    }
  }

  /** Appends an iteration with no order; returns the order the store gave it, or -1. */
  @Operation
  public long append(@Param(name = "job") int job) {
    try {
      return store
          .appendIteration(ids[job], IterationCreateParams.builder().iterationName("i").build())
          .order()
          .orElseThrow();
    } catch (JobNotFoundException e) {
      return -1;
    }
  }

  /** Deletes the job; returns whether it existed. */
  @Operation
  public boolean delete(@Param(name = "job") int job) {
    return store.delete(ids[job]);
  }

  /**
   * Reads one version of the job: its status, counter and iteration count, or {@value #NOT_FOUND}.
   */
  @Operation
  public String read(@Param(name = "job") int job) {
    Optional<Job> found = store.find(ids[job]);
    return found
        .map(j -> describe(j.status(), counter(j), j.iterations().size()))
        .orElse(NOT_FOUND);
  }

  /** Counts the jobs a query by status returns (every job matches it or not). */
  @Operation
  public int countWithStatus(@Param(name = "status") int status) {
    return store.list(JobQuery.builder().status(status(status)).build()).results().size();
  }

  /** Appends to one job from four threads lose none and get the orders 1 to n, once each. */
  @Test
  public void concurrentAppendsLoseNothingAndGetTheOrdersOneToN() throws InterruptedException {
    writes().appendsLoseNothingAndGetTheOrdersOneToN();
  }

  /** Explicit orders appended at the same time never make two automatic orders equal. */
  @Test
  public void automaticOrdersStayUniqueWhileExplicitOrdersAreAppended()
      throws InterruptedException {
    writes().automaticOrdersStayUniqueWhileExplicitOrdersAreAppended();
  }

  /** Updates of one job from four threads each see the one before: no increment is lost. */
  @Test
  public void concurrentUpdatesLoseNoIncrement() throws InterruptedException {
    writes().updatesLoseNoIncrement();
  }

  /**
   * While an update's function runs, no other update of the same job completes: the second waits
   * for the first (which it would not if the function ran outside the job's lock, and then one of
   * the two would be lost, or the function run twice). Each of {@value ConcurrentWrites#HOLDS}
   * rounds makes the first function wait {@value ConcurrentWrites#HOLD_MILLIS} ms for the second
   * update to complete, which in a correct store it never does.
   */
  @Test
  public void anUpdateWaitsForTheFunctionOfAnotherUpdateOfTheJob() throws InterruptedException {
    writes().anUpdateWaitsForTheFunctionOfAnotherUpdate();
  }

  /** Updates and appends racing on one job lose neither. */
  @Test
  public void concurrentUpdatesAndAppendsToOneJobLoseNeither() throws InterruptedException {
    writes().updatesAndAppendsToOneJobLoseNeither();
  }

  /** Creates from four threads get distinct ids, and every job is found by id and by queries. */
  @Test
  public void concurrentCreatesGetDistinctIdsAndAreAllFound() throws InterruptedException {
    writes().createsGetDistinctIdsAndAreAllFound();
  }

  /** Of four threads deleting one job at once, exactly one is told it deleted it. */
  @Test
  public void onlyOneOfConcurrentDeletesOfAJobSucceeds() throws InterruptedException {
    writes().onlyOneOfConcurrentDeletesSucceeds();
  }

  /** An update racing a delete never brings the job back, in lookups or in any query. */
  @Test
  public void deletesRacingUpdatesLeaveNoTraceInQueries() throws InterruptedException {
    writes().deletesRacingUpdatesLeaveNoTraceInQueries();
  }

  /**
   * Readers racing writers get whole versions (no torn read), each reader's view of a job only
   * moves forward, and a job once returned never changes.
   */
  @Test
  public void readsSeeWholeVersionsThatOnlyMoveForwardAndNeverChange() throws InterruptedException {
    reads().readsSeeWholeVersionsThatOnlyMoveForwardAndNeverChange();
  }

  /**
   * While writers move jobs between statuses, projects and scores, every query returns only jobs
   * that match in the version returned, none twice, in order, and every job that matched throughout
   * the query.
   */
  @Test
  public void queriesNeitherMissNorRepeatJobsWhileWritersMoveThem() throws InterruptedException {
    reads().queriesShowMatchingVersionsOnceAndEveryJobThatMatchedThroughout();
  }

  private ConcurrentWrites writes() {
    return new ConcurrentWrites(newStore());
  }

  private ConcurrentReads reads() {
    return new ConcurrentReads(newStore());
  }

  private static long counter(Job job) {
    return job.numIterations().orElse(0L);
  }

  /** Every operation, on two threads, is linearizable against {@link JobStoreSequentialModel}. */
  @Test
  public void operationsOnJobsAreLinearizable() {
    linearizabilityOptions()
        .sequentialSpecification(JobStoreSequentialModel.class)
        .check(getClass());
  }

  /**
   * Returns how Lincheck runs {@link #operationsOnJobsAreLinearizable}: {@value #ITERATIONS}
   * scenarios of 2 threads × 3 operations, one before and one after, each run {@value #INVOCATIONS}
   * times. A store whose operations cost milliseconds (a networked one) may lower the counts to
   * keep the test within its build's time: each run makes a store with {@link #newStore()}.
   */
  protected StressOptions linearizabilityOptions() {
    return new StressOptions()
        .iterations(ITERATIONS)
        .invocationsPerIteration(INVOCATIONS)
        .threads(2)
        .actorsPerThread(3)
        .actorsBefore(1)
        .actorsAfter(1);
  }
}
