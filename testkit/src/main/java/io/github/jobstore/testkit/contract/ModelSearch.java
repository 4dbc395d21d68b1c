package io.github.jobstore.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model's {@code search}, transcribed from its sources rather than from any store's code: DRF
 * 3.15's {@code search_smart_split} over Django's {@code smart_split} regular expression, and
 * PostgreSQL's {@code UPPER(field) LIKE UPPER('%part%')}, upper-casing one code point at a time.
 */
final class ModelSearch {

  /** Every character of Python's {@code str.isspace()}, which its {@code \s} matches. */
  static final String PYTHON_SPACES =
      "\t\n\u000B\f\r\u001C\u001D\u001E\u001F \u0085\u00A0\u1680"
          + "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A"
          + "\u2028\u2029\u202F\u205F\u3000";

  /**
   * Django's {@code smart_split_re} with Python's {@code \s} spelled out; {@code UNIX_LINES} makes
   * {@code .} stop only at a line feed, as Python's does.
   */
  private static final Pattern SMART_SPLIT = smartSplit();

  private ModelSearch() {}

  /** The parts of {@code search} that must each match, as DRF's {@code search_smart_split}. */
  static List<String> terms(String search) {
    List<String> terms = new ArrayList<>();
    Matcher bits = SMART_SPLIT.matcher(search);
    while (bits.find()) {
      String term = strip(bits.group(), ",");
      if (!term.isEmpty()
          && (term.charAt(0) == '"' || term.charAt(0) == '\'')
          && term.charAt(0) == term.charAt(term.length() - 1)) {
        terms.add(unescapeStringLiteral(term));
      } else {
        for (String part : term.split(",", -1)) {
          if (!part.isEmpty()) {
            terms.add(strip(part, PYTHON_SPACES));
          }
        }
      }
    }
    return terms;
  }

  /**
   * True when {@code search} is absent or every one of its terms occurs, case ignored, in at least
   * one present field of {@code fields}.
   */
  static boolean matches(Optional<String> search, List<Optional<String>> fields) {
    for (String term : search.map(ModelSearch::terms).orElse(List.of())) {
      boolean found = false;
      for (Optional<String> field : fields) {
        found |= field.isPresent() && upper(field.get()).contains(upper(term));
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** PostgreSQL's {@code upper()}: each code point on its own, so {@code ß} stays {@code ß}. */
  static String upper(String text) {
    return text.codePoints()
        .map(Character::toUpperCase)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  private static Pattern smartSplit() {
    StringBuilder spaces = new StringBuilder();
    PYTHON_SPACES.chars().forEach(c -> spaces.append(String.format("\\x{%x}", c)));
    String plain = "[^" + spaces + "'\"]*";
    String quoted = "(?:\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')";
    return Pattern.compile(
        "(?:" + plain + "(?:" + quoted + plain + ")+)|[^" + spaces + "]+", Pattern.UNIX_LINES);
  }

  /** Django's {@code unescape_string_literal}: {@code s[1:-1]}, then two replaces. */
  private static String unescapeStringLiteral(String literal) {
    String quote = literal.substring(0, 1);
    String inner = literal.length() < 2 ? "" : literal.substring(1, literal.length() - 1);
    return inner.replace("\\" + quote, quote).replace("\\\\", "\\");
  }

  /** Python's {@code s.strip(chars)}. */
  private static String strip(String s, String chars) {
    int from = 0;
    int to = s.length();
    while (from < to && chars.indexOf(s.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && chars.indexOf(s.charAt(to - 1)) >= 0) {
      to--;
    }
    return s.substring(from, to);
  }
}
