package io.github.jobstore.testkit.junit;

import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.JobStoreRecorder;
import io.github.jobstore.testkit.MutableClock;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.time.Instant;
import org.eclipse.collections.api.factory.Sets;
import org.eclipse.collections.api.set.ImmutableSet;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * A JUnit Jupiter extension that gives each test a fresh {@link InMemoryJobStore}, the {@link
 * MutableClock} it reads and a {@link JobStoreRecorder} of its events, and that reports the store's
 * jobs when the test fails.
 *
 * <pre>{@code
 * @ExtendWith(JobStoreExtension.class)
 * // import static io.github.jobstore.testkit.assertj.JobStoreAssertions.assertThat;
 * class WorkerTest {
 *
 *   @Test
 *   void runsAPendingJob(InMemoryJobStore store, MutableClock clock, JobStoreRecorder recorder) {
 *     Job job = store.create(JobCreateParams.builder().build());
 *     clock.advance(Duration.ofSeconds(1));
 *     new Worker(store).runOnce();
 *     assertThat(recorder).job(job.id()).wentThrough(PENDING, RUNNING, COMPLETED);
 *   }
 * }
 * }</pre>
 *
 * <p><b>Parameters</b>: a parameter of type {@link InMemoryJobStore} or {@link JobStore}, {@link
 * MutableClock} or {@link JobStoreRecorder} of a {@code @Test} method (a {@code @RepeatedTest} or
 * {@code @ParameterizedTest} invocation too) or of a {@code @BeforeEach} or {@code @AfterEach}
 * method. Every such parameter of one test, in whichever of its methods, gets the same store, clock
 * and recorder; the next test gets new ones. A parameter of a {@code @BeforeAll} or
 * {@code @AfterAll} method or of a constructor is a {@link ParameterResolutionException}, since
 * those run outside any one test.
 *
 * <p><b>The store</b> is made when a test first asks for one of the three: a store built with the
 * clock and random version 4 UUIDs ({@link InMemoryJobStore.Builder#idGenerator the default}), and
 * a recorder attached before the test can write, so it records every event. The clock starts at
 * {@link #START} and moves only when the test moves it. The recorder stops when the test is over
 * (JUnit closes it with the test's {@link ExtensionContext.Store}).
 *
 * <p><b>On failure</b>, when the test made a store and failed (in the test method, a
 * {@code @BeforeEach} or an {@code @AfterEach} method; not when it was aborted by an assumption),
 * the extension publishes one report entry ({@link
 * ExtensionContext#publishReportEntry(java.util.Map)}) holding {@code jobstore.jobs}: a JSON array
 * of the store's jobs as the API writes them ({@code JobJson.write}), newest first ({@code
 * -created_at}, ties newest created first), each with its iterations. It holds at most the 100
 * newest jobs, so a test that filled its store with a million does not print a million; when the
 * store held more, the same entry has {@code jobstore.jobs.omitted}, a note of how many were left
 * out. The report is made in {@link #afterEach}, after the test's {@code @AfterEach} methods and
 * before the test's context closes, so it sees their failures and the store as they left it.
 *
 * <p>Stateless: one instance serves every test, concurrent ones included.
 */
public final class JobStoreExtension implements ParameterResolver, AfterEachCallback {

  /**
   * The instant each test's clock starts at, {@code 2026-01-01T00:00:00.000001Z}. Its one
   * microsecond, the finest unit the API keeps, makes the store's timestamps carry a fraction, so a
   * test sees at once whether its code keeps or writes microseconds; a start at a whole second
   * would hide a lost fraction.
   */
  public static final Instant START = Instant.parse("2026-01-01T00:00:00.000001Z");

  private static final Namespace NAMESPACE = Namespace.create(JobStoreExtension.class);
  private static final ImmutableSet<Class<?>> TYPES =
      Sets.immutable.of(
          InMemoryJobStore.class, JobStore.class, MutableClock.class, JobStoreRecorder.class);

  /** Creates the extension; JUnit does, for {@code @ExtendWith(JobStoreExtension.class)}. */
  public JobStoreExtension() {}

  /**
   * Returns whether the parameter is one this extension injects: of type {@link InMemoryJobStore},
   * {@link JobStore}, {@link MutableClock} or {@link JobStoreRecorder}, wherever it is declared (so
   * that one declared where no test runs fails with this extension's message).
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return TYPES.contains(parameter.getParameter().getType());
  }

  /**
   * Returns the test's store (for {@link InMemoryJobStore} and {@link JobStore}), its clock or its
   * recorder, making the three on the test's first call.
   *
   * @throws ParameterResolutionException when the parameter belongs to a constructor, or to a
   *     method that runs outside a test ({@code @BeforeAll}, {@code @AfterAll})
   */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Executable executable = parameter.getDeclaringExecutable();
    if (executable instanceof Constructor || context.getTestMethod().isEmpty()) {
      throw outsideATest(parameter.getParameter().getType(), executable);
    }
    PerTestStore made = perTestStore(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == MutableClock.class) {
      return made.clock();
    }
    return type == JobStoreRecorder.class ? made.recorder() : made.store();
  }

  /**
   * Publishes the {@code jobstore.jobs} report entry when the test made a store and failed; does
   * nothing otherwise.
   */
  @Override
  public void afterEach(ExtensionContext context) {
    // Not a TestWatcher: JUnit calls those after the test's context, and with it the recorder in
    // its store, is closed. Nor an AfterTestExecutionCallback, which runs before @AfterEach.
    PerTestStore made = context.getStore(NAMESPACE).get(PerTestStore.class, PerTestStore.class);
    boolean failed =
        context
            .getExecutionException()
            .filter(cause -> !(cause instanceof TestAbortedException))
            .isPresent();
    if (made != null && failed) {
      context.publishReportEntry(JobsReport.of(made.store()));
    }
  }

  private static PerTestStore perTestStore(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .computeIfAbsent(
            PerTestStore.class, key -> PerTestStore.startingAt(START), PerTestStore.class);
  }

  private static ParameterResolutionException outsideATest(Class<?> type, Executable executable) {
    String where =
        executable instanceof Constructor
            ? "the constructor of " + executable.getDeclaringClass().getSimpleName()
            : executable.getDeclaringClass().getSimpleName() + "." + executable.getName();
    return new ParameterResolutionException(
        "JobStoreExtension makes a new store for each test, so it cannot inject "
            + type.getSimpleName()
            + " into "
            + where
            + ", which runs outside any one test: take it in a @Test, @BeforeEach or @AfterEach"
            + " method instead");
  }
}
