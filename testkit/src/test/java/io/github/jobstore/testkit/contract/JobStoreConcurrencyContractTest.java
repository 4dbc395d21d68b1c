package io.github.jobstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.jobstore.store.JobStore;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Proves that {@link JobStoreConcurrencyContract} bites: run by the Jupiter engine against a store
 * whose {@code update} computes outside its lock, it fails, with Lincheck's verdict.
 */
class JobStoreConcurrencyContractTest {

  /** Set by this test on the engine it launches; the contract below runs only then. */
  static final String LAUNCHED = "jobstore.testkit.contract.broken";

  @Test
  void theContractFailsAStoreThatUpdatesOutsideItsLock() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(LAUNCHED, "true")
            .selectors(selectClass(BrokenStoreContract.class))
            .execute();

    assertThat(results.testEvents().started().count()).isOne();
    assertThat(results.testEvents().failed().count()).isOne();
    assertThat(
            results.testEvents().failed().stream()
                .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class))
                .flatMap(java.util.Optional::stream)
                .map(result -> result.getThrowable().orElseThrow()))
        .singleElement()
        .isInstanceOf(LincheckAssertionError.class);
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
