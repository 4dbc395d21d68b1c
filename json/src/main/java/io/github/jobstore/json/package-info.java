/**
 * The jobs API's JSON wire format: {@link io.github.jobstore.json.JobJson} reads and writes jobs,
 * iterations and their params exactly as the API does, and {@link
 * io.github.jobstore.json.JobStoreModule} brings the same mapping to your own Jackson {@code
 * ObjectMapper}.
 */
@NullMarked
package io.github.jobstore.json;

import org.jspecify.annotations.NullMarked;
