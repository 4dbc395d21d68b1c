/**
 * The domain model of the Overmind Lab jobs API: immutable, validated {@link
 * io.github.jobstore.core.Job jobs}, {@link io.github.jobstore.core.Iteration iterations}, their
 * create parameters, enums and JSON values.
 */
@NullMarked
@JobStoreStyle
package io.github.jobstore.core;

import org.jspecify.annotations.NullMarked;
