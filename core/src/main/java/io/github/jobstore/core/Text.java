package io.github.jobstore.core;

/**
 * String rules as the API's Python server applies them: length in Unicode code points, and
 * blankness after {@code str.strip()}.
 */
final class Text {

  private Text() {}

  /** The number of Unicode code points, as Python's {@code len(str)} and PostgreSQL count them. */
  static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /** True when nothing is left after Python's {@code str.strip()}. */
  static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isPythonWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Python's {@code str.isspace()} for one character: bidirectional class WS, B or S, or category
   * Zs. Every such character is in the Basic Multilingual Plane, so a {@code char} suffices. Java's
   * {@link Character#isWhitespace} misses the no-break spaces (U+00A0, U+2007, U+202F) and U+0085;
   * {@link Character#isSpaceChar} misses the ASCII controls; together with U+0085 they match Python
   * exactly.
   */
  static boolean isPythonWhitespace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
