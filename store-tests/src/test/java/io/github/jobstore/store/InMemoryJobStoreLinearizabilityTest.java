package io.github.jobstore.store;

import io.github.jobstore.testkit.contract.JobStoreConcurrencyContract;

/** Runs the {@link JobStore} concurrency contract (Lincheck) against {@link InMemoryJobStore}. */
public class InMemoryJobStoreLinearizabilityTest extends JobStoreConcurrencyContract {

  /** Lincheck makes one instance per scenario. */
  public InMemoryJobStoreLinearizabilityTest() {}

  @Override
  protected JobStore newStore() {
    return InMemoryJobStore.create();
  }
}
