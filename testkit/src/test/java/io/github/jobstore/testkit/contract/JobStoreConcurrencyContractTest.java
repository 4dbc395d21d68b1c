package io.github.jobstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.jobstore.store.JobStore;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Proves that {@link JobStoreConcurrencyContract} bites: run by the Jupiter engine against a store
 * whose {@code update} computes outside its lock, it fails, with Lincheck's verdict and the stress
 * test of lost updates.
 */
class JobStoreConcurrencyContractTest {

  /** Set by this test on the engine it launches; the contract below runs only then. */
  static final String LAUNCHED = "jobstore.testkit.contract.broken";

  @Test
  void theContractFailsAStoreThatUpdatesOutsideItsLock() {
    Map<String, TestExecutionResult> results = run();

    assertThat(results.get("operationsOnJobsAreLinearizable()"))
        .satisfies(result -> assertThat(result.getStatus()).isEqualTo(Status.FAILED))
        .extracting(result -> result.getThrowable().orElseThrow())
        .isInstanceOf(LincheckAssertionError.class);
    assertThat(results.get("anUpdateWaitsForTheFunctionOfAnotherUpdateOfTheJob()"))
        .satisfies(result -> assertThat(result.getStatus()).isEqualTo(Status.FAILED))
        .extracting(result -> result.getThrowable().orElseThrow())
        .isInstanceOf(AssertionError.class)
        .satisfies(
            failure ->
                assertThat(failure)
                    .hasMessageContaining("the counters the first update and the second returned")
                    .hasMessageContaining("[1L, 1L]"));
    assertThat(results.get("concurrentUpdatesLoseNoIncrement()"))
        .satisfies(result -> assertThat(result.getStatus()).isEqualTo(Status.FAILED))
        .extracting(result -> result.getThrowable().orElseThrow())
        .isInstanceOf(AssertionError.class);
    // The tests that never update pass the same store: the contract fails where the store is
    // broken, not because its tests cannot pass.
    for (String passing :
        List.of(
            "concurrentAppendsLoseNothingAndGetTheOrdersOneToN()",
            "automaticOrdersStayUniqueWhileExplicitOrdersAreAppended()",
            "concurrentCreatesGetDistinctIdsAndAreAllFound()",
            "onlyOneOfConcurrentDeletesOfAJobSucceeds()")) {
      assertThat(results)
          .as(passing)
          .hasEntrySatisfying(
              passing, result -> assertThat(result.getStatus()).isEqualTo(Status.SUCCESSFUL));
    }
  }

  private static Map<String, TestExecutionResult> run() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(LAUNCHED, "true")
            .selectors(selectClass(BrokenStoreContract.class))
            .execute();
    Map<String, TestExecutionResult> byTest = new TreeMap<>();
    results.testEvents().finished().stream()
        .forEach(
            event ->
                byTest.put(
                    event.getTestDescriptor().getDisplayName(),
                    event.getRequiredPayload(TestExecutionResult.class)));
    return byTest;
  }

  /** The contract against the broken store; only under the test above (see {@link #LAUNCHED}). */
  @EnabledIf("launchedByTheTest")
  public static class BrokenStoreContract extends JobStoreConcurrencyContract {

    /** Lincheck makes one instance per scenario. */
    public BrokenStoreContract() {}

    static boolean launchedByTheTest(ExtensionContext context) {
      return context.getConfigurationParameter(LAUNCHED).isPresent();
    }

    @Override
    protected JobStore newStore() {
      return new UpdateOutsideItsLock();
    }
  }
}
