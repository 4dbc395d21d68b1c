/**
 * The contract every {@link io.github.jobstore.store.JobStore} implementation must pass: extend
 * {@link io.github.jobstore.testkit.contract.JobStoreContract} and say how to make a fresh store.
 * {@link io.github.jobstore.testkit.contract.JobStoreModelContract} is extended the same way and
 * checks random sequences of operations against a reference model. Needs JUnit Jupiter and AssertJ
 * at run time.
 */
@NullMarked
package io.github.jobstore.testkit.contract;

import org.jspecify.annotations.NullMarked;
