/**
 * Framework-neutral generators of valid and invalid jobstore domain objects, for property tests.
 * Every {@link io.github.jobstore.testkit.Generator} draws from a {@link
 * java.util.random.RandomGenerator}, so the same seed gives the same values under JUnit, any
 * property-testing library, or a plain {@code main}; {@link io.github.jobstore.testkit.Property}
 * runs them with a seed per property and shrinks what fails. Nothing here needs a test framework:
 * the AssertJ assertions live in {@link io.github.jobstore.testkit.assertj}, the JUnit contract
 * suite in {@link io.github.jobstore.testkit.contract}.
 */
@NullMarked
package io.github.jobstore.testkit;

import org.jspecify.annotations.NullMarked;
