package io.github.jobstore.benchmarks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Draws {@link JmhChartBar}s as a plain SVG 1.1 bar chart: a legend of stores, then one panel per
 * mode and unit (results in different units share no axis), each with a log value axis, one group
 * per benchmark and one bar per store, coloured the same in every panel.
 */
final class JmhChartSvg {

  static final double DECADE = 60;
  private static final double LEFT = 100;
  private static final double RIGHT = 20;
  private static final double BAR = 18;
  private static final double BAR_STEP = 22;
  private static final double GROUP_GAP = 24;
  private static final double VALUE_ROOM = 50;
  private static final double LINE = 13;
  private static final double CHAR = 6.2;
  private static final List<String> KNOWN_COLOURS =
      List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#7f7f7f");
  private static final List<String> OTHER_COLOURS =
      List.of("#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#d62728");

  private final StringBuilder out = new StringBuilder();
  private final Map<String, String> colours = new LinkedHashMap<>();

  private JmhChartSvg(List<JmhChartBar> bars) {
    Set<String> stores = new LinkedHashSet<>();
    JmhChartResults.KNOWN_STORES.stream()
        .filter(s -> bars.stream().anyMatch(b -> b.store().equals(s)))
        .forEach(stores::add);
    bars.forEach(b -> stores.add(b.store()));
    int other = 0;
    for (String store : stores) {
      int known = JmhChartResults.KNOWN_STORES.indexOf(store);
      colours.put(
          store,
          known >= 0
              ? KNOWN_COLOURS.get(known)
              : OTHER_COLOURS.get(other++ % OTHER_COLOURS.size()));
    }
  }

  /**
   * Returns the SVG document of the bars under the title.
   *
   * @throws IllegalArgumentException if there are no bars
   */
  static String render(List<JmhChartBar> bars, String title) {
    if (bars.isEmpty()) {
      throw new IllegalArgumentException("no JMH results to draw");
    }
    return new JmhChartSvg(bars).draw(bars, title);
  }

  private String draw(List<JmhChartBar> bars, String title) {
    Map<String, List<JmhChartBar>> panels = new LinkedHashMap<>();
    bars.forEach(b -> panels.computeIfAbsent(b.panel(), p -> new ArrayList<>()).add(b));
    double y = 70;
    double width = Math.max(legend(), LEFT + title.length() * CHAR * 1.4);
    for (Map.Entry<String, List<JmhChartBar>> panel : panels.entrySet()) {
      double[] size = panel(panel.getKey(), panel.getValue(), y);
      width = Math.max(width, size[0]);
      y = size[1];
    }
    text(LEFT, 26, "start", "font-size=\"16\" font-weight=\"bold\"", title);
    return String.format(
            Locale.ROOT,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " version=\"1.1\" width=\"%1$.0f\" height=\"%2$.0f\" viewBox=\"0 0 %1$.0f %2$.0f\""
                + " font-family=\"sans-serif\" font-size=\"11\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
            Math.ceil(width),
            Math.ceil(y))
        + out
        + "</svg>\n";
  }

  /** Draws the legend and returns its right edge. */
  private double legend() {
    double x = LEFT;
    for (Map.Entry<String, String> store : colours.entrySet()) {
      append(
          "<rect class=\"legend\" x=\"%.2f\" y=\"40\" width=\"12\" height=\"12\" fill=\"%s\"/>",
          x, store.getValue());
      text(x + 16, 50, "start", "class=\"legend\"", store.getKey());
      x += 16 + store.getKey().length() * CHAR + 20;
    }
    return x + RIGHT;
  }

  /** Draws a panel whose top is at {@code top}; returns its right edge and its bottom. */
  private double[] panel(String name, List<JmhChartBar> bars, double top) {
    double min = bars.stream().mapToDouble(JmhChartBar::score).min().orElseThrow();
    double max = bars.stream().mapToDouble(JmhChartBar::score).max().orElseThrow();
    int low = (int) Math.ceil(Math.log10(min)) - 1;
    int high = Math.max(low + 1, (int) Math.ceil(Math.log10(max)));
    double bottom = top + 24 + VALUE_ROOM + (high - low) * DECADE;
    String[] modeUnit = name.split(" ", 2);
    text(LEFT, top + 14, "start", "font-size=\"13\" font-weight=\"bold\"", heading(modeUnit));
    double middle = (top + 24 + VALUE_ROOM + bottom) / 2;
    text(
        16,
        middle,
        "middle",
        String.format(Locale.ROOT, "transform=\"rotate(-90 16 %.2f)\"", middle),
        modeUnit[modeUnit.length - 1] + ", log scale");
    Map<List<String>, List<JmhChartBar>> groups = new LinkedHashMap<>();
    bars.forEach(b -> groups.computeIfAbsent(b.group(), g -> new ArrayList<>()).add(b));
    // Gridlines first, so that bars paint over them.
    double right = LEFT;
    int lines = 0;
    for (Map.Entry<List<String>, List<JmhChartBar>> group : groups.entrySet()) {
      right += GROUP_GAP + width(group.getKey(), group.getValue().size());
      lines = Math.max(lines, group.getKey().size());
    }
    for (int k = low; k <= high; k++) {
      double gy = bottom - (k - low) * DECADE;
      append(
          "<line class=\"grid\" x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\"/>",
          LEFT, gy, right, gy, k == low ? "#000" : "#ccc");
      text(LEFT - 6, gy + 4, "end", "class=\"tick\"", decade(k));
    }
    double x = LEFT + GROUP_GAP / 2;
    for (Map.Entry<List<String>, List<JmhChartBar>> group : groups.entrySet()) {
      group(group.getKey(), group.getValue(), x, bottom, low, high);
      x += GROUP_GAP + width(group.getKey(), group.getValue().size());
    }
    return new double[] {right + RIGHT, bottom + 8 + lines * LINE + 24};
  }

  /** A group is as wide as its bars or its longest label line, whichever is wider. */
  private static double width(List<String> label, int bars) {
    double labelWidth = label.stream().mapToDouble(l -> l.length() * CHAR).max().orElse(0);
    return Math.max(bars * BAR_STEP, labelWidth);
  }

  /** Draws one group from {@code left}, its bars in the legend's order. */
  private void group(
      List<String> label, List<JmhChartBar> bars, double left, double bottom, int low, int high) {
    List<JmhChartBar> ordered = new ArrayList<>(bars);
    List<String> order = new ArrayList<>(colours.keySet());
    ordered.sort((a, b) -> order.indexOf(a.store()) - order.indexOf(b.store()));
    double centre = left + width(label, bars.size()) / 2;
    double x = centre - ordered.size() * BAR_STEP / 2 + (BAR_STEP - BAR) / 2;
    for (JmhChartBar bar : ordered) {
      bar(bar, x, bottom, low, high);
      x += BAR_STEP;
    }
    for (int i = 0; i < label.size(); i++) {
      text(centre, bottom + 16 + i * LINE, "middle", "class=\"group\"", label.get(i));
    }
  }

  private void bar(JmhChartBar bar, double x, double bottom, int low, int high) {
    double y = bottom - (Math.log10(bar.score()) - low) * DECADE;
    append(
        "<rect class=\"bar\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\">"
            + "<title>%s</title></rect>",
        x,
        y,
        BAR,
        bottom - y,
        Objects.requireNonNull(colours.get(bar.store())),
        escape(
            bar.store()
                + ": "
                + number(bar.score())
                + (Double.isFinite(bar.error()) ? " ± " + number(bar.error()) : "")));
    double centre = x + BAR / 2;
    double top = y;
    if (bar.error() > 0 && Double.isFinite(bar.error())) {
      double lowEnd = Math.max(bar.score() - bar.error(), Math.pow(10, low));
      double highEnd = Math.min(bar.score() + bar.error(), Math.pow(10, high));
      top = bottom - (Math.log10(highEnd) - low) * DECADE;
      double foot = bottom - (Math.log10(lowEnd) - low) * DECADE;
      append(
          "<path class=\"error\" d=\"M%.2f %.2fV%.2fM%.2f %.2fh8M%.2f %.2fh8\" stroke=\"#000\"/>",
          centre, foot, top, centre - 4, top, centre - 4, foot);
    }
    double ty = top - 4;
    text(
        centre + 3,
        ty,
        "start",
        String.format(
            Locale.ROOT, "font-size=\"9\" transform=\"rotate(-90 %.2f %.2f)\"", centre + 3, ty),
        number(bar.score()));
  }

  private static String heading(String[] modeUnit) {
    String mode =
        switch (modeUnit[0]) {
          case "avgt" -> "Average time per operation (lower is better)";
          case "thrpt" -> "Throughput (higher is better)";
          case "sample" -> "Sampled time per operation (lower is better)";
          case "ss" -> "Single-shot time (lower is better)";
          default -> modeUnit[0];
        };
    return mode + ", " + modeUnit[modeUnit.length - 1];
  }

  private static String decade(int k) {
    return k >= -3 && k <= 6 ? plain(BigDecimal.ONE.scaleByPowerOfTen(k)) : "1e" + k;
  }

  /** Three significant digits: a chart shows no more than a short run can tell apart. */
  private static String number(double value) {
    return plain(new BigDecimal(value).round(new MathContext(3)));
  }

  /** Digits grouped by thousands from 1,000 up, so that a long number reads at a glance. */
  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.compareTo(BigDecimal.valueOf(1000)) >= 0
        ? String.format(Locale.ROOT, "%,d", stripped.toBigInteger())
        : stripped.toPlainString();
  }

  private void text(double x, double y, String anchor, String attributes, String text) {
    append(
        "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"%s\" %s>%s</text>",
        x, y, anchor, attributes, escape(text));
  }

  private void append(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  /** Escapes the five characters XML gives a meaning to. */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
