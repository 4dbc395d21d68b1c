/**
 * Runnable examples of jobstore, written as a user's code would be: {@link
 * io.github.jobstore.examples.QuickStart} first, then {@link
 * io.github.jobstore.examples.PromptTuningSimulation}, {@link
 * io.github.jobstore.examples.TuningService}, a small service of the kind its tests fake with
 * {@code InMemoryJobStore}, and {@link io.github.jobstore.examples.BackgroundTuning}, an
 * asynchronous one whose tests await its jobs' statuses with the store's events; {@link
 * io.github.jobstore.examples.ClusterExample} runs the simulation on a two-member Hazelcast
 * cluster.
 */
@NullMarked
package io.github.jobstore.examples;

import org.jspecify.annotations.NullMarked;
