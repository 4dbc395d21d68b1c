/**
 * Where jobs live: the {@link io.github.jobstore.store.JobStore} interface and its thread-safe,
 * in-memory implementation {@link io.github.jobstore.store.InMemoryJobStore}.
 */
@NullMarked
@StoreStyle
package io.github.jobstore.store;

import org.jspecify.annotations.NullMarked;
