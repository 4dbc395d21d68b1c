package io.github.jobstore.testkit.contract;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Page;
import io.github.jobstore.testkit.PropertyFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Proves that {@link JobStoreModelContract} bites: run by the Jupiter engine against two broken
 * stores, each of its tests fails with a {@link PropertyFailure} that names the seed and the steps
 * of the failing sequence, the last of them the operation the store broke. Also that a subclass
 * sets how many sequences run.
 */
class JobStoreModelContractTest {

  /** Set by this test on the engine it launches; the contracts below run only then. */
  static final String LAUNCHED = "jobstore.testkit.contract.model.broken";

  @Test
  void theContractFailsStoresThatBreakListOrDelete() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(LAUNCHED, "true")
            .selectors(
                selectClass(DropsTheLastOfAFullPageContract.class),
                selectClass(FindsDeletedJobsByStatusContract.class))
            .execute();

    assertThat(results.testEvents().started().count()).isEqualTo(4);
    assertThat(results.testEvents().succeeded().count()).isZero();
    Map<String, PropertyFailure> failures =
        results.testEvents().failed().stream()
            .collect(
                Collectors.toMap(
                    JobStoreModelContractTest::name, JobStoreModelContractTest::failure));
    assertThat(failures)
        .containsOnlyKeys(
            "DropsTheLastOfAFullPageContract#shortRandomSequencesMatchTheModel",
            "DropsTheLastOfAFullPageContract#longRandomSequencesMatchTheModel",
            "FindsDeletedJobsByStatusContract#shortRandomSequencesMatchTheModel",
            "FindsDeletedJobsByStatusContract#longRandomSequencesMatchTheModel");
    failures.forEach(
        (name, failure) -> {
          boolean list = name.startsWith("DropsTheLast");
          assertThat(failure)
              .as(name)
              .hasMessageStartingWith("Property failed on case " + failure.caseNumber() + " of ")
              .hasMessageContaining(
                  " with seed "
                      + failure.seed()
                      + " (replay with -Djobstore.seed="
                      + failure.seed()
                      + ")");
          // not shrunk: the failing sequence is reported as it was found
          assertThat(failure.shrinkSteps()).as(name).isZero();
          assertThat(failure.shrunkValue()).as(name).isEqualTo(failure.originalValue());
          Throwable sequence = requireNonNull(failure.getCause());
          String steps = String.valueOf(sequence.getMessage());
          assertThat(steps)
              .as(name)
              .startsWith("Sequence " + failure.originalValue() + " failed after these steps:\n");
          assertThat(steps.substring(steps.lastIndexOf('\n') + 1))
              .as(name)
              .startsWith(list ? "list " : "findByStatus ");
          // what AssertJ says of the store's answer: a job left out, or one too many
          assertThat(sequence.getCause())
              .as(name)
              .hasMessageContaining(
                  list
                      ? "but could not find the following elements"
                      : "but some elements were not expected");
        });
    // The seed comes from the contract's test method, not from the subclass that runs it.
    long shortSeed =
        seed(failures, "DropsTheLastOfAFullPageContract#shortRandomSequencesMatchTheModel");
    long longSeed =
        seed(failures, "DropsTheLastOfAFullPageContract#longRandomSequencesMatchTheModel");
    assertThat(shortSeed).isNotEqualTo(longSeed);
    assertThat(seed(failures, "FindsDeletedJobsByStatusContract#shortRandomSequencesMatchTheModel"))
        .isEqualTo(shortSeed);
    assertThat(seed(failures, "FindsDeletedJobsByStatusContract#longRandomSequencesMatchTheModel"))
        .isEqualTo(longSeed);
  }

  @Test
  void aSubclassSetsHowManySequencesRunDownToOne() {
    for (String test :
        List.of("shortRandomSequencesMatchTheModel", "longRandomSequencesMatchTheModel")) {
      OneSequenceEach.stores.set(0);
      EngineExecutionResults results =
          EngineTestKit.engine("junit-jupiter")
              .configurationParameter(LAUNCHED, "true")
              .selectors(selectMethod(OneSequenceEach.class, test))
              .execute();

      assertThat(results.testEvents().succeeded().count()).as(test).isOne();
      assertThat(OneSequenceEach.stores).as(test).hasValue(1);
    }
  }

  @Test
  void noSequencesIsRefused() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(LAUNCHED, "true")
            .selectors(selectClass(NoSequences.class))
            .execute();

    assertThat(results.testEvents().failed().stream().map(JobStoreModelContractTest::thrown))
        .extracting(Throwable::getClass, Throwable::getMessage)
        .containsExactlyInAnyOrder(
            tuple(IllegalArgumentException.class, "shortSequences() must be at least 1, not 0"),
            tuple(IllegalArgumentException.class, "longSequences() must be at least 1, not 0"));
  }

  private static long seed(Map<String, PropertyFailure> failures, String name) {
    return requireNonNull(failures.get(name), name).seed();
  }

  private static String name(Event event) {
    MethodSource method = (MethodSource) event.getTestDescriptor().getSource().orElseThrow();
    return method.getJavaClass().getSimpleName() + "#" + method.getMethodName();
  }

  private static PropertyFailure failure(Event event) {
    Throwable thrown = thrown(event);
    assertThat(thrown).isInstanceOf(PropertyFailure.class);
    return (PropertyFailure) thrown;
  }

  private static Throwable thrown(Event event) {
    return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  /** Whether the engine was launched by the test above (see {@link #LAUNCHED}). */
  static boolean launchedByTheTest(ExtensionContext context) {
    return context.getConfigurationParameter(LAUNCHED).isPresent();
  }

  /** The contract against a store whose {@code list} leaves out the last job of a full page. */
  @EnabledIf("io.github.jobstore.testkit.contract.JobStoreModelContractTest#launchedByTheTest")
  public static class DropsTheLastOfAFullPageContract extends JobStoreModelContract {

    @Override
    protected JobStore newStore(Clock clock, Supplier<UUID> idGenerator) {
      JobStore store = InMemoryJobStore.builder().clock(clock).idGenerator(idGenerator).build();
      return new ForwardingJobStore(store) {
        @Override
        public Page<Job> list(JobQuery query) {
          Page<Job> page = super.list(query);
          ImmutableList<Job> results = page.results();
          return results.size() == page.pageSize()
              ? new Page<>(
                  results.take(results.size() - 1), page.count(), page.page(), page.pageSize())
              : page;
        }
      };
    }
  }

  /** The contract against a store whose {@code findByStatus} still returns deleted jobs. */
  @EnabledIf("io.github.jobstore.testkit.contract.JobStoreModelContractTest#launchedByTheTest")
  public static class FindsDeletedJobsByStatusContract extends JobStoreModelContract {

    @Override
    protected JobStore newStore(Clock clock, Supplier<UUID> idGenerator) {
      JobStore store = InMemoryJobStore.builder().clock(clock).idGenerator(idGenerator).build();
      List<Job> deleted = new ArrayList<>();
      return new ForwardingJobStore(store) {
        @Override
        public boolean delete(UUID id) {
          Optional<Job> job = find(id);
          job.ifPresent(deleted::add);
          return super.delete(id);
        }

        @Override
        public ImmutableList<Job> findByStatus(JobStatus status) {
          return super.findByStatus(status)
              .newWithAll(Lists.immutable.withAll(deleted).select(job -> job.status() == status));
        }
      };
    }
  }

  /** The contract scaled down to one sequence per test, against a store that passes it. */
  @EnabledIf("io.github.jobstore.testkit.contract.JobStoreModelContractTest#launchedByTheTest")
  public static class OneSequenceEach extends JobStoreModelContract {

    /** How many stores the contract made: one per sequence. */
    static final AtomicInteger stores = new AtomicInteger();

    @Override
    protected JobStore newStore(Clock clock, Supplier<UUID> idGenerator) {
      stores.incrementAndGet();
      return InMemoryJobStore.builder().clock(clock).idGenerator(idGenerator).build();
    }

    @Override
    protected int shortSequences() {
      return 1;
    }

    @Override
    protected int longSequences() {
      return 1;
    }
  }

  /** The contract scaled down to nothing, which it refuses. */
  @EnabledIf("io.github.jobstore.testkit.contract.JobStoreModelContractTest#launchedByTheTest")
  public static class NoSequences extends JobStoreModelContract {

    @Override
    protected JobStore newStore(Clock clock, Supplier<UUID> idGenerator) {
      return InMemoryJobStore.builder().clock(clock).idGenerator(idGenerator).build();
    }

    @Override
    protected int shortSequences() {
      return 0;
    }

    @Override
    protected int longSequences() {
      return 0;
    }
  }
}
