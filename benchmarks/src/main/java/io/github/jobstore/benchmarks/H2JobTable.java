package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Job;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SQL peer of the list benchmarks: jobs as rows of a table in an in-memory H2 database, with
 * the indexes {@code InMemoryJobStore} keeps: by {@code created_at} (newest first), and by {@code
 * project} and by {@code status}, each then newest first. A page is two statements, as a Django
 * list view runs them: {@code SELECT COUNT(*)} and {@code SELECT id ... ORDER BY created_at DESC,
 * seq DESC LIMIT ? OFFSET ?}, where {@code seq} is the creation order, so ties go to the newest
 * created job first as in the store. A page reads only the ids of its rows; building {@link Job}s
 * from them would add to its cost.
 *
 * <p>Not thread-safe: one connection, and prepared statements kept by their SQL.
 */
final class H2JobTable implements AutoCloseable {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private static final String NEWEST_FIRST = " ORDER BY created_at DESC, seq DESC";

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  private H2JobTable(Connection connection) {
    this.connection = connection;
  }

  /**
   * A new database (dropped on {@link #close()}) holding {@code jobs}, their creation order that of
   * the list.
   */
  static H2JobTable of(List<Job> jobs) throws SQLException {
    Connection connection =
        DriverManager.getConnection("jdbc:h2:mem:jobs" + DATABASES.incrementAndGet());
    H2JobTable table = new H2JobTable(connection);
    try (var statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE jobs (id UUID PRIMARY KEY, seq BIGINT NOT NULL, project UUID,"
              + " agent UUID, status VARCHAR(32) NOT NULL, job_type VARCHAR(32),"
              + " analyzer_model VARCHAR, data_source VARCHAR, prompt_slug VARCHAR,"
              + " created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
              + " updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
              + " best_score DOUBLE PRECISION, baseline_score DOUBLE PRECISION,"
              + " improvement DOUBLE PRECISION, num_iterations BIGINT)");
      table.insert(jobs);
      // Built after the rows, which loads faster than keeping them up to date row by row.
      statement.execute("CREATE INDEX jobs_newest ON jobs (created_at DESC, seq DESC)");
      statement.execute("CREATE INDEX jobs_project ON jobs (project, created_at DESC, seq DESC)");
      statement.execute("CREATE INDEX jobs_status ON jobs (status, created_at DESC, seq DESC)");
      statement.execute("ANALYZE");
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return table;
  }

  /**
   * One page of the rows {@code where} keeps, newest first, and their count: the page's ids in
   * order.
   */
  Rows page(Condition where, int page, int pageSize) throws SQLException {
    long count;
    try (ResultSet rows = query("SELECT COUNT(*) FROM jobs WHERE " + where.sql(), where).run()) {
      rows.next();
      count = rows.getLong(1);
    }
    List<UUID> ids = new ArrayList<>(pageSize);
    String select = "SELECT id FROM jobs WHERE " + where.sql() + NEWEST_FIRST + " LIMIT ? OFFSET ?";
    Query query = query(select, where);
    query.statement.setInt(where.args().size() + 1, pageSize);
    query.statement.setLong(where.args().size() + 2, (long) (page - 1) * pageSize);
    try (ResultSet rows = query.run()) {
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
    }
    return new Rows(ids, count);
  }

  /** H2's plan for {@link #page}'s select, to say which index it walks. */
  String plan(Condition where) throws SQLException {
    String explain =
        "EXPLAIN SELECT id FROM jobs WHERE " + where.sql() + NEWEST_FIRST + " LIMIT 100";
    try (ResultSet rows = query(explain, where).run()) {
      rows.next();
      return rows.getString(1);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  private void insert(List<Job> jobs) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO jobs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      long seq = 0;
      for (Job job : jobs) {
        insert.setObject(1, job.id());
        insert.setLong(2, seq++);
        insert.setObject(3, job.project().orElse(null), Types.OTHER);
        insert.setObject(4, job.agent().orElse(null), Types.OTHER);
        insert.setString(5, job.status().wireValue());
        insert.setString(6, job.jobType().map(type -> type.wireValue()).orElse(null));
        insert.setString(7, job.analyzerModel().orElse(null));
        insert.setString(8, job.dataSource().orElse(null));
        insert.setString(9, job.promptSlug().orElse(null));
        insert.setObject(10, utc(job.createdAt()));
        insert.setObject(11, utc(job.updatedAt()));
        setDouble(insert, 12, job.bestScore());
        setDouble(insert, 13, job.baselineScore());
        setDouble(insert, 14, job.improvement());
        insert.setObject(15, job.numIterations().orElse(null), Types.BIGINT);
        insert.addBatch();
        if (seq % 10_000 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private static void setDouble(PreparedStatement insert, int column, Optional<Double> value)
      throws SQLException {
    insert.setObject(column, value.orElse(null), Types.DOUBLE);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private Query query(String sql, Condition where) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    for (int i = 0; i < where.args().size(); i++) {
      statement.setObject(i + 1, where.args().get(i));
    }
    return new Query(statement);
  }

  /** A prepared statement with its condition's arguments set. */
  private record Query(PreparedStatement statement) {
    ResultSet run() throws SQLException {
      return statement.executeQuery();
    }
  }

  /** One page's ids, in order, and the count of every row that matched. */
  record Rows(List<UUID> ids, long count) {}

  /** A {@code WHERE} clause with its {@code ?} arguments, in order. */
  record Condition(String sql, List<Object> args) {

    Condition {
      args = List.copyOf(args);
    }

    /** A clause and its arguments: {@code Condition.of("status = ?", "completed")}. */
    static Condition of(String sql, Object... args) {
      return new Condition(sql, List.of(args));
    }

    /**
     * The API's {@code search}, as the jobs list view's SQL has it: every part of {@code term} must
     * occur in {@code prompt_slug}, {@code analyzer_model} or {@code data_source}, case ignored.
     * Only plain terms: split at white space and commas, no quoted phrases. {@code %}, {@code _}
     * and {@code \} in a part match themselves. A term with no parts keeps every row.
     */
    static Condition search(String term) {
      List<String> clauses = new ArrayList<>();
      List<Object> args = new ArrayList<>();
      for (String part : term.split("[\\s,]+", -1)) {
        if (!part.isEmpty()) {
          clauses.add(
              "(UPPER(prompt_slug) LIKE ? ESCAPE '\\' OR UPPER(analyzer_model) LIKE ? ESCAPE '\\'"
                  + " OR UPPER(data_source) LIKE ? ESCAPE '\\')");
          String pattern = "%" + escapeLike(part.toUpperCase(Locale.ROOT)) + "%";
          args.add(pattern);
          args.add(pattern);
          args.add(pattern);
        }
      }
      return clauses.isEmpty() ? of("TRUE") : new Condition(String.join(" AND ", clauses), args);
    }

    private static String escapeLike(String part) {
      return part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
  }
}
