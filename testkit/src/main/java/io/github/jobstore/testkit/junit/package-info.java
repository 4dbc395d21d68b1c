/**
 * JUnit Jupiter support: {@link io.github.jobstore.testkit.junit.JobStoreExtension} injects a fresh
 * store, its clock and a recorder of its events into each test, and reports the store's jobs when
 * the test fails. Needs JUnit Jupiter and {@code jobstore-json} at run time.
 */
@NullMarked
package io.github.jobstore.testkit.junit;

import org.jspecify.annotations.NullMarked;
