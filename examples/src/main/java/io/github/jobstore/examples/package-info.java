/**
 * Runnable examples of jobstore, written as a user's code would be: {@link
 * io.github.jobstore.examples.QuickStart} first, then {@link
 * io.github.jobstore.examples.PromptTuningSimulation}, and {@link
 * io.github.jobstore.examples.TuningService}, a small service of the kind its tests fake with
 * {@code InMemoryJobStore}.
 */
@NullMarked
package io.github.jobstore.examples;

import org.jspecify.annotations.NullMarked;
