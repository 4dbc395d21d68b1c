package io.github.jobstore.testkit;

import java.util.random.RandomGenerator;

/**
 * Strings as the API meets them: ASCII, other scripts, astral-plane emoji, combining marks and
 * every kind of white space Python strips, at lengths biased toward the edges of each limit.
 * Lengths are counted in code points, as the API counts them.
 */
final class Texts {

  /** Every character Python's {@code str.strip()} removes. */
  static final String PYTHON_WHITESPACE =
      "\t\n\u000B\f\r\u001C\u001D\u001E\u001F \u0085\u00A0\u1680"
          + "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A"
          + "\u2028\u2029\u202F\u205F\u3000";

  private Texts() {}

  /** A length in {@code [min, max]}: each edge one time in four, otherwise uniform. */
  static int length(RandomGenerator random, int min, int max) {
    return switch (random.nextInt(4)) {
      case 0 -> min;
      case 1 -> max;
      default -> random.nextInt(min, max + 1);
    };
  }

  /** Any text of at most {@code max} code points, possibly blank. */
  static String upTo(RandomGenerator random, int max) {
    return text(random, length(random, 0, max));
  }

  /** Text of {@code min} to {@code max} code points with at least one that is not white space. */
  static String notBlank(RandomGenerator random, int min, int max) {
    String text = text(random, length(random, Math.max(min, 1), max));
    if (!text.isEmpty() && isBlank(text)) {
      return "x" + text.substring(text.offsetByCodePoints(0, 1));
    }
    return text;
  }

  /** The empty string, or one to five characters of white space as Python sees it. */
  static String blank(RandomGenerator random) {
    StringBuilder blank = new StringBuilder();
    int length = random.nextInt(6);
    for (int i = 0; i < length; i++) {
      blank.append(PYTHON_WHITESPACE.charAt(random.nextInt(PYTHON_WHITESPACE.length())));
    }
    return blank.toString();
  }

  /** Text one or more code points longer than {@code max}, not blank. */
  static String tooLong(RandomGenerator random, int max) {
    int length = random.nextBoolean() ? max + 1 : random.nextInt(max + 1, 2 * max + 2);
    String text = text(random, length);
    return isBlank(text) ? "x" + text.substring(text.offsetByCodePoints(0, 1)) : text;
  }

  /** Exactly {@code length} code points; one string in four is astral-plane characters only. */
  static String text(RandomGenerator random, int length) {
    // Not choice 0: shrinking brings choices to 0, and should bring text to ASCII, not astral.
    boolean astralOnly = random.nextInt(4) == 3;
    StringBuilder text = new StringBuilder(length * 2);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(astralOnly ? astral(random) : codePoint(random));
    }
    return text.toString();
  }

  static boolean isBlank(String text) {
    return text.chars().allMatch(c -> PYTHON_WHITESPACE.indexOf(c) >= 0);
  }

  private static int codePoint(RandomGenerator random) {
    int kind = random.nextInt(20);
    if (kind < 10) {
      return random.nextInt(0x20, 0x7F);
    } else if (kind < 12) {
      return random.nextInt(0xA1, 0x250); // Latin-1 and Latin Extended
    } else if (kind < 13) {
      return random.nextInt(0x391, 0x3CA); // Greek
    } else if (kind < 15) {
      return random.nextInt(0x4E00, 0x9FA6); // CJK
    } else if (kind < 16) {
      return random.nextInt(0x300, 0x370); // combining marks
    } else if (kind < 17) {
      return PYTHON_WHITESPACE.charAt(random.nextInt(PYTHON_WHITESPACE.length()));
    }
    return astral(random);
  }

  private static int astral(RandomGenerator random) {
    return random.nextBoolean()
        ? random.nextInt(0x1F300, 0x1FA00) // emoji and pictographs
        : random.nextInt(0x20000, 0x2A6E0); // CJK Extension B
  }
}
