package io.github.jobstore.benchmarks;

import java.util.List;

/**
 * One JMH result as a bar of {@link JmhChart}: the group it sits in, the store it measures, and its
 * score.
 *
 * @param group the group's label, one line each: the benchmark class, its method unless the method
 *     only names the store, then one {@code name=value} per parameter other than {@code impl}
 * @param store the store the result measures, which picks the bar's colour
 * @param panel the panel the bar is drawn in: the JMH mode and unit, as in {@code avgt us/op}
 * @param score the primary metric's score, in the panel's unit
 * @param error the score's error (half the confidence interval), or NaN when JMH gave none
 */
record JmhChartBar(List<String> group, String store, String panel, double score, double error) {

  JmhChartBar {
    group = List.copyOf(group);
  }
}
