package io.github.jobstore.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Violation;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The query values read as Python and Django read them. Every expected value here was checked
 * against CPython 3.11 ({@code uuid.UUID}, {@code int}, {@code decimal.Decimal}, {@code
 * datetime.fromisoformat}) and Django's {@code parse_datetime} pattern; an empty expectation means
 * Python raises {@code ValueError}.
 */
class QueryValueSyntaxTest {

  private static final String ID = "12345678-1234-5678-1234-567812345678";
  private static final String HEX = "12345678123456781234567812345678";
  private static final String LIMIT_MESSAGE = "Ensure this value is less than or equal to 1e+50.";

  static Stream<Arguments> uuids() {
    return Stream.of(
        Arguments.of(ID, ID),
        Arguments.of(HEX, ID),
        Arguments.of("{" + ID + "}", ID),
        Arguments.of("{{" + HEX + "}}", ID),
        Arguments.of("urn:uuid:" + ID, ID),
        Arguments.of("uuid:urn:" + HEX, ID),
        Arguments.of("1-2-3-4-5678123456781234567812345678", ID),
        Arguments.of(
            "ABCDEF00-1234-5678-1234-567812345678", "abcdef00-1234-5678-1234-567812345678"),
        Arguments.of("0x345678123456781234567812345678", "00345678-1234-5678-1234-567812345678"),
        Arguments.of("+2345678123456781234567812345678", "02345678-1234-5678-1234-567812345678"),
        Arguments.of("1_345678123456781234567812345678", "01345678-1234-5678-1234-567812345678"),
        Arguments.of(
            "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000"),
        Arguments.of(
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "ffffffff-ffff-ffff-ffff-ffffffffffff"),
        Arguments.of("URN:UUID:" + ID, null),
        Arguments.of(HEX.substring(1), null),
        Arguments.of(HEX + "9", null),
        Arguments.of("g" + HEX.substring(1), null),
        Arguments.of("-" + HEX.substring(1), null),
        Arguments.of("\u0661" + HEX.substring(2), null),
        Arguments.of(HEX.substring(0, 16) + " " + HEX.substring(17), null),
        Arguments.of("", null));
  }

  @ParameterizedTest
  @MethodSource("uuids")
  void aUuidIsWhatPythonsUuidReads(String text, String expected) {
    assertThat(PythonUuid.parse(text))
        .isEqualTo(expected == null ? null : UUID.fromString(expected));
  }

  static Stream<Arguments> integers() {
    return Stream.of(
        Arguments.of("1", "1"),
        Arguments.of(" 2 ", "2"),
        Arguments.of("\u00a05\u00a0", "5"),
        Arguments.of("+3", "3"),
        Arguments.of("-1", "-1"),
        Arguments.of("1_0", "10"),
        Arguments.of("007", "7"),
        Arguments.of("\u0663", "3"),
        Arguments.of("\uff14", "4"),
        Arguments.of("2147483648", "2147483648"),
        Arguments.of("9".repeat(PythonInt.MAX_DECIMAL_DIGITS), "9".repeat(4300)),
        Arguments.of("9".repeat(PythonInt.MAX_DECIMAL_DIGITS + 1), null),
        Arguments.of("1.0", null),
        Arguments.of("1e3", null),
        Arguments.of("last", null),
        Arguments.of("_1", null),
        Arguments.of("1_", null),
        Arguments.of("1__0", null),
        Arguments.of("0x10", null),
        Arguments.of("- 1", null),
        Arguments.of("", null));
  }

  @ParameterizedTest
  @MethodSource("integers")
  void anIntegerIsWhatPythonsIntReads(String text, String expected) {
    assertThat(PythonInt.parse(text, 10))
        .isEqualTo(expected == null ? null : new BigInteger(expected));
  }

  static Stream<Arguments> hexIntegers() {
    return Stream.of(
        Arguments.of("0x1f", "31"),
        Arguments.of("0x_1", "1"),
        Arguments.of("0X_1f", "31"),
        Arguments.of("\u0660x1", "1"),
        Arguments.of("0", "0"),
        Arguments.of("+0", "0"),
        Arguments.of("-0", "0"),
        Arguments.of("0x", null),
        Arguments.of("0x_", null),
        Arguments.of("0x__1", null),
        Arguments.of("+", null),
        Arguments.of("-", null),
        Arguments.of("", null));
  }

  @ParameterizedTest
  @MethodSource("hexIntegers")
  void aHexIntegerIsWhatPythonsIntWithBase16Reads(String text, String expected) {
    assertThat(PythonInt.parse(text, 16))
        .isEqualTo(expected == null ? null : new BigInteger(expected));
  }

  static Stream<Arguments> numbers() {
    String enterANumber = "Enter a number.";
    return Stream.of(
        Arguments.of("0", 0.0),
        Arguments.of("-0", -0.0),
        Arguments.of("0e-400", 0.0),
        Arguments.of("1.5", 1.5),
        Arguments.of(" 1.5 ", 1.5),
        Arguments.of("+.5", 0.5),
        Arguments.of("5.", 5.0),
        Arguments.of("1e-3", 0.001),
        Arguments.of("1E+3", 1000.0),
        Arguments.of("1_000", 1000.0),
        Arguments.of("_1_", 1.0),
        Arguments.of("1__0", 10.0),
        Arguments.of("\uff11", 1.0),
        Arguments.of("1e50", 1e50),
        Arguments.of("100000000000000007629769841091887003294964970946560", 1e50),
        Arguments.of("100000000000000007629769841091887003294964970946561", LIMIT_MESSAGE),
        Arguments.of("1e51", LIMIT_MESSAGE),
        Arguments.of("1e999999999999999999", LIMIT_MESSAGE),
        Arguments.of("-1e51", -1e51),
        Arguments.of("-1.7976931348623157e308", -Double.MAX_VALUE),
        Arguments.of("-1.8e308", enterANumber),
        Arguments.of("4.9e-324", Double.MIN_VALUE),
        Arguments.of("3e-324", Double.MIN_VALUE),
        Arguments.of("2e-324", enterANumber),
        Arguments.of("1e-400", enterANumber),
        Arguments.of("1e9999999999999999999", enterANumber),
        Arguments.of("1e-1999999999999999997", enterANumber),
        Arguments.of("0e-1999999999999999997", 0.0),
        Arguments.of("0.0e-1999999999999999996", 0.0),
        Arguments.of("0e-1999999999999999998", enterANumber),
        Arguments.of("1e1000000000000000000", enterANumber),
        Arguments.of("0e1000000000000000000", enterANumber),
        Arguments.of("\u0661\u066b5", enterANumber),
        Arguments.of("NaN", enterANumber),
        Arguments.of("sNaN", enterANumber),
        Arguments.of("-Infinity", enterANumber),
        Arguments.of("inf", enterANumber),
        Arguments.of(".", enterANumber),
        Arguments.of(" ", enterANumber),
        Arguments.of("e5", enterANumber),
        Arguments.of("1e", enterANumber),
        Arguments.of("0x10", enterANumber),
        Arguments.of("1,5", enterANumber),
        Arguments.of("1\0", enterANumber));
  }

  @ParameterizedTest
  @MethodSource("numbers")
  void aNumberIsWhatDecimalFieldAndTheLimitAccept(String text, Object expected) {
    List<Violation> violations = new ArrayList<>();
    Optional<Double> bound = DjangoDecimal.read(text, "score_min", violations);
    if (expected instanceof Double value) {
      assertThat(bound).contains(value);
      assertThat(violations).isEmpty();
    } else {
      assertThat(bound).isEmpty();
      assertThat(violations).containsExactly(new Violation("score_min", (String) expected));
    }
  }

  static Stream<Arguments> times() {
    return Stream.of(
        Arguments.of("2026-01-02T03:04:05Z", 1767323045000000L),
        Arguments.of("2026-01-02T03:04:05.123456Z", 1767323045123456L),
        Arguments.of("2026-01-02T03:04:05.1234567Z", 1767323045123456L),
        Arguments.of("2026-01-02", 1767312000000000L),
        Arguments.of("20260102", 1767312000000000L),
        Arguments.of("2026-01-02T03", 1767322800000000L),
        Arguments.of("2026-01-02T0304", 1767323040000000L),
        Arguments.of("2026-01-02 03:04:05+05:30", 1767303245000000L),
        Arguments.of("2026-01-02T03:04:05-0530", 1767342845000000L),
        Arguments.of("2026-01-02T03:04:05+05", 1767305045000000L),
        Arguments.of("2026-01-02T03:04+05:30:10.5", 1767303229500000L),
        Arguments.of("2026-01-02T03:04:05,5", 1767323045500000L),
        Arguments.of("2026-W01-1", 1766966400000000L),
        Arguments.of("2026W017", 1767484800000000L),
        Arguments.of("2020-W53-1", 1609113600000000L),
        Arguments.of("2026-W53-1", 1798416000000000L),
        Arguments.of("2026-01-02T03.5", 1767322800500000L),
        Arguments.of("2026-01-02T03:04:05:06", 1767323045060000L),
        Arguments.of("2026-01-02T03:04:05.+00:00", 1767323045000000L),
        Arguments.of("2026-01-02\u00e903:04", 1767323040000000L),
        Arguments.of("  2026-01-02T03:04Z\u3000", 1767323040000000L),
        Arguments.of("2026-1-2 3:4", 1767323040000000L),
        Arguments.of("2026-01-02T3:04", 1767323040000000L),
        Arguments.of("2026-01-02 03:04:05.1234567890 +0530", 1767303245123456L),
        Arguments.of("2026-01-02T03:04+05:99", 1767299100000000L),
        Arguments.of("\u0662\u0660\u0662\u0666-01-02 03:04", 1767323040000000L),
        Arguments.of("2026-01-02T03:04 Z", 1767323040000000L),
        Arguments.of("0001-01-01T00:00:00+00:01", -62135596860000000L),
        Arguments.of("9999-12-31T23:59:59.999999-23:59", 253402387139999999L),
        Arguments.of("2026-01-02T03:04Z\0", 1767323040000000L),
        Arguments.of("2026-01-02T03:04\0Z", 1767323040000000L),
        Arguments.of("20190909T090909", 1568020149000000L),
        Arguments.of("20260102T030405.1234567", 1767323045123456L),
        Arguments.of("2026-01-02T03:04:05.1234567890123Z", 1767323045123456L),
        Arguments.of("0001-01-01", -62135596800000000L),
        Arguments.of("0001W011", -62135596800000000L),
        Arguments.of("2024W01", 1704067200000000L),
        Arguments.of("2024W01T03:04", 1704078240000000L),
        Arguments.of("2024-W01", 1704067200000000L),
        Arguments.of("2024-W01T03:04", 1704078240000000L),
        Arguments.of("2024-W01-1T03:04", 1704078240000000L),
        Arguments.of("2024-W01-12", 1704110400000000L),
        Arguments.of("2024W01112", 1704110400000000L),
        Arguments.of("2024W011123", 1704150000000000L),
        Arguments.of("2024W0112", null),
        Arguments.of("2024W011230", null),
        Arguments.of("2024-W011", null),
        Arguments.of("2024W01-1", null),
        Arguments.of("2024-W01-1T", null),
        Arguments.of("2023-W52-7", 1703980800000000L),
        Arguments.of("2023-W53", null),
        Arguments.of("2027-W53", null),
        Arguments.of("9999-W01", 253371024000000000L),
        Arguments.of("9999-W52-5", 253402214400000000L),
        Arguments.of("9999-W52-6", null),
        Arguments.of("2024-1-2T03:04:05.5", 1704164645500000L),
        Arguments.of("2024-1-2T03:04:05,25", 1704164645250000L),
        Arguments.of("0001-1-1T00:00", -62135596800000000L),
        Arguments.of("0000-1-1T00:00", null),
        Arguments.of("2024-1-2T03:04+05:30", 1704144840000000L),
        Arguments.of("2024-1-2T03:04+05", 1704146640000000L),
        Arguments.of("2024-1-2T03:04-05:30", 1704184440000000L),
        Arguments.of("2024-1-2T03:04 -0530", 1704184440000000L),
        Arguments.of("2024-1-2T03:04-00:30", 1704166440000000L),
        Arguments.of("2024-1-2T03:04+23:59", 1704078300000000L),
        Arguments.of("2024-1-2T03:04+24:00", null),
        Arguments.of("2026-01-02T03:04+24:00", null),
        Arguments.of("2026-01-02T24:00", null),
        Arguments.of("2026-02-29", null),
        Arguments.of("2026-13-01", null),
        Arguments.of("0000-01-01", null),
        Arguments.of("2026-01-02T", null),
        Arguments.of("2026-01-02T03:04:05.", null),
        Arguments.of("2026-01-02T03:04Z+01", null),
        Arguments.of("2026-01-02T03:04:05.123a", null),
        Arguments.of("01/02/2026", null),
        Arguments.of("1767323045", null),
        Arguments.of("now", null),
        Arguments.of(" ", null));
  }

  @ParameterizedTest
  @MethodSource("times")
  void aTimeIsWhatParseDatetimeReadsAndNaiveIsUtc(String text, Long epochMicros) {
    assertThat(DjangoDateTime.parse(text))
        .isEqualTo(epochMicros == null ? null : Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS));
  }
}
