package io.github.jobstore.core;

/**
 * Strings as the API's Python server measures and trims them: length in Unicode code points ({@code
 * len(str)}), white space as {@code str.isspace()} sees it, and {@code str.strip()}. Java's {@link
 * String#length()}, {@link String#strip()} and {@link String#isBlank()} differ from each: they
 * count UTF-16 units, and miss the no-break spaces (U+00A0, U+2007, U+202F) and U+0085. The store,
 * the wire format and validation all use these rules, so they agree with the service and with each
 * other. Stateless and thread-safe.
 */
public final class PythonText {

  private PythonText() {}

  /**
   * Returns the number of Unicode code points in {@code s}, as Python's {@code len(str)} and
   * PostgreSQL count them.
   */
  public static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /** Returns true when nothing is left of {@code s} after {@link #strip}. */
  public static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Returns {@code s} without the white space at either end, as Python's {@code s.strip()}. */
  public static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /**
   * Returns true when {@code c} is white space to Python's {@code str.isspace()}: bidirectional
   * class WS, B or S, or category Zs. Every such character is in the Basic Multilingual Plane, so a
   * {@code char} suffices (a surrogate never matches). {@link Character#isWhitespace} misses the
   * no-break spaces and U+0085, {@link Character#isSpaceChar} the ASCII controls; together with
   * U+0085 they match Python exactly.
   */
  public static boolean isWhitespace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
