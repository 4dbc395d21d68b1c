/**
 * AssertJ assertions on jobstore's types: {@link
 * io.github.jobstore.testkit.assertj.JobStoreAssertions#assertThat(io.github.jobstore.core.Job)
 * JobStoreAssertions.assertThat} for jobs, iterations, validation exceptions and what a {@link
 * io.github.jobstore.testkit.JobStoreRecorder} recorded, and {@link
 * io.github.jobstore.testkit.assertj.JobStoreSoftAssertions} to collect every failure. Needs
 * AssertJ at run time.
 */
@NullMarked
package io.github.jobstore.testkit.assertj;

import org.jspecify.annotations.NullMarked;
