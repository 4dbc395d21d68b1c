package io.github.jobstore.json;

import io.github.jobstore.core.PythonText;
import io.github.jobstore.core.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * django-filter's {@code NumberFilter}: Django's {@code forms.DecimalField} with a {@code
 * MaxValueValidator(1e50)} (django-filter's guard against huge numbers), read as a score bound.
 *
 * <ul>
 *   <li>The text is read as Python's {@code Decimal(str)}: white space at either end stripped (as
 *       {@code str.strip()}), then every underscore removed, then an optional sign and digits with
 *       an optional point and an optional exponent ({@code e} or {@code E}, optional sign, digits);
 *       any Unicode decimal digit counts as its ASCII digit. The exponent must keep the value
 *       within {@code Decimal}'s limits (adjusted exponent at most 999999999999999999, exponent at
 *       least -1999999999999999997). Anything else, and {@code NaN}, {@code sNaN} or an infinity,
 *       which {@code DecimalField} refuses, is {@code Enter a number.}.
 *   <li>A value above the double nearest {@code 1e50} (compared exactly, as Python compares a
 *       {@code Decimal} with a float) is {@code Ensure this value is less than or equal to 1e+50.}.
 *   <li>The value becomes the nearest double, as PostgreSQL casts the bound to compare it with a
 *       {@code double precision} score. A value too large for a double (below about -1.8e308), or a
 *       non-zero one too small for it (which would round to zero), is {@code Enter a number.}: the
 *       API's database fails on it (a documented deviation).
 * </ul>
 */
final class DjangoDecimal {

  /** Python's decimal syntax once stripped and without underscores; \\d is any Nd digit. */
  private static final Pattern DECIMAL =
      Pattern.compile(
          "([+-]?)(\\d*)(?:\\.(\\d*))?(?:[eE]([+-]?\\d+))?", Pattern.UNICODE_CHARACTER_CLASS);

  private static final BigInteger MAX_ADJUSTED_EXPONENT = new BigInteger("999999999999999999");
  private static final BigInteger MIN_EXPONENT = new BigInteger("-1999999999999999997");

  /** The double nearest 1e50, exactly: {@code MaxValueValidator(1e50)} compares with it. */
  private static final BigDecimal LIMIT = new BigDecimal(1e50);

  /** Past these adjusted exponents a non-zero value is no finite, non-zero double. */
  private static final int MAX_DOUBLE_EXPONENT = 308;

  private static final int MIN_DOUBLE_EXPONENT = -324;

  private DjangoDecimal() {}

  /** The bound {@code value} denotes, or empty after recording its violation under {@code name}. */
  static Optional<Double> read(String value, String name, List<Violation> violations) {
    Matcher decimal = DECIMAL.matcher(PythonText.strip(value).replace("_", ""));
    String whole = decimal.matches() ? ascii(decimal.group(2)) : "";
    String fraction = decimal.matches() ? ascii(decimal.group(3)) : "";
    if (whole.isEmpty() && fraction.isEmpty()) {
      violations.add(Violation.enterANumber(name));
      return Optional.empty();
    }
    boolean negative = decimal.group(1).equals("-");
    String digits = stripLeadingZeros(whole + fraction);
    BigInteger exponent =
        new BigInteger(decimal.group(4) == null ? "0" : ascii(decimal.group(4)))
            .subtract(BigInteger.valueOf(fraction.length()));
    BigInteger adjusted = exponent.add(BigInteger.valueOf(Math.max(digits.length(), 1) - 1));
    if (exponent.compareTo(MIN_EXPONENT) < 0 || adjusted.compareTo(MAX_ADJUSTED_EXPONENT) > 0) {
      violations.add(Violation.enterANumber(name));
      return Optional.empty();
    }
    if (digits.isEmpty()) {
      return Optional.of(negative ? -0.0 : 0.0);
    }
    @Nullable BigDecimal exact =
        adjusted.compareTo(BigInteger.valueOf(MIN_DOUBLE_EXPONENT)) < 0
                || adjusted.compareTo(BigInteger.valueOf(MAX_DOUBLE_EXPONENT)) > 0
            ? null
            : new BigDecimal(new BigInteger(digits), exponent.negate().intValueExact());
    if (!negative
        && (adjusted.compareTo(BigInteger.valueOf(50)) > 0
            || (exact != null && exact.compareTo(LIMIT) > 0))) {
      violations.add(Violation.atMost(name, "1e+50"));
      return Optional.empty();
    }
    double bound = exact == null ? 0.0 : exact.doubleValue();
    if (bound == 0.0 || Double.isInfinite(bound)) {
      violations.add(Violation.enterANumber(name));
      return Optional.empty();
    }
    return Optional.of(negative ? -bound : bound);
  }

  private static String stripLeadingZeros(String digits) {
    int first = 0;
    while (first < digits.length() && digits.charAt(first) == '0') {
      first++;
    }
    return digits.substring(first);
  }

  /** Unicode decimal digits as ASCII ones; {@code null} (a group that did not match) as empty. */
  private static String ascii(@Nullable String digits) {
    if (digits == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(digits.length());
    digits
        .codePoints()
        .forEach(
            c ->
                out.append(
                    c == '+' || c == '-'
                        ? (char) c
                        : Character.forDigit(Character.digit(c, 10), 10)));
    return out.toString();
  }
}
