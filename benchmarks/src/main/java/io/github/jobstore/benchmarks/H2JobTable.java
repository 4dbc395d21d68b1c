package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * project}, by {@code status} and by both, each then newest first. A page is two statements, as a
 * Django list view runs them: {@code SELECT COUNT(*)} and {@code SELECT id ... ORDER BY created_at
 * DESC, seq DESC LIMIT ? OFFSET ?}, where {@code seq} is the creation order, so ties go to the
 * newest created job first as in the store. A page reads only the ids of its rows; building {@link
 * Job}s from them would add to its cost.
 *
 * <p>Not thread-safe: one connection, and prepared statements kept by their SQL; {@link #connect}
 * gives another thread its own. Autocommit is on, so each insert of {@link #create} commits.
 */
final class H2JobTable implements AutoCloseable {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private static final String NEWEST_FIRST = " ORDER BY created_at DESC, seq DESC";

  private static final int COLUMNS = 15;

  private static final String INSERT =
      "INSERT INTO jobs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final String url;
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private long nextSeq;

  private H2JobTable(String url, Connection connection) {
    this.url = url;
    this.connection = connection;
  }

  /**
   * A new database (dropped when its last connection closes) holding {@code jobs}, their creation
   * order that of the list.
   */
  static H2JobTable of(List<Job> jobs) throws SQLException {
    H2JobTable table = newDatabase();
    try (var statement = table.connection.createStatement()) {
      table.insert(jobs);
      // Built after the rows, which loads faster than keeping them up to date row by row.
      createIndexes(statement);
      statement.execute("ANALYZE");
    } catch (SQLException | RuntimeException e) {
      table.close();
      throw e;
    }
    return table;
  }

  /** A new database with an empty table and every index, for {@link #create}. */
  static H2JobTable empty() throws SQLException {
    H2JobTable table = newDatabase();
    try (var statement = table.connection.createStatement()) {
      createIndexes(statement);
    } catch (SQLException | RuntimeException e) {
      table.close();
      throw e;
    }
    return table;
  }

  /**
   * Another connection to this table's database, with its own statements: one per thread, as a
   * connection pool hands them out. The database lives while any connection to it is open.
   */
  H2JobTable connect() throws SQLException {
    return new H2JobTable(url, DriverManager.getConnection(url));
  }

  private static H2JobTable newDatabase() throws SQLException {
    String url = "jdbc:h2:mem:jobs" + DATABASES.incrementAndGet();
    H2JobTable table = new H2JobTable(url, DriverManager.getConnection(url));
    try (var statement = table.connection.createStatement()) {
      // H2 otherwise answers a query it ran last with the same arguments, and no write since, from
      // its kept result: a read-only benchmark would time that copy (seen: 5 µs for any page of a
      // million rows, count included), not the query. A database server keeps no such results.
      statement.execute("SET OPTIMIZE_REUSE_RESULTS 0");
      statement.execute(
          "CREATE TABLE jobs (id UUID PRIMARY KEY, seq BIGINT NOT NULL, project UUID,"
              + " agent UUID, status VARCHAR(32) NOT NULL, job_type VARCHAR(32),"
              + " analyzer_model VARCHAR, data_source VARCHAR, prompt_slug VARCHAR,"
              + " created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
              + " updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
              + " best_score DOUBLE PRECISION, baseline_score DOUBLE PRECISION,"
              + " improvement DOUBLE PRECISION, num_iterations BIGINT)");
    } catch (SQLException | RuntimeException e) {
      table.close();
      throw e;
    }
    return table;
  }

  /**
   * The indexes a Django model of the list view would declare: newest first, and each filter the
   * view takes as an equality, then newest first; status and project together for the combined
   * filter.
   */
  private static void createIndexes(Statement statement) throws SQLException {
    statement.execute("CREATE INDEX jobs_newest ON jobs (created_at DESC, seq DESC)");
    statement.execute("CREATE INDEX jobs_project ON jobs (project, created_at DESC, seq DESC)");
    statement.execute("CREATE INDEX jobs_status ON jobs (status, created_at DESC, seq DESC)");
    statement.execute(
        "CREATE INDEX jobs_status_project ON jobs (status, project, created_at DESC, seq DESC)");
  }

  /**
   * Inserts a job for {@code params} as the API's create does: a random id, the current time to the
   * microsecond, status {@code pending} unless given; one prepared {@code INSERT}, committed.
   * Returns the new id.
   */
  UUID create(JobCreateParams params) throws SQLException {
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    PreparedStatement insert = statement(INSERT);
    insert.setObject(1, id);
    insert.setLong(2, nextSeq++);
    insert.setObject(3, params.project().orElse(null), Types.OTHER);
    insert.setObject(4, params.agent().orElse(null), Types.OTHER);
    insert.setString(5, params.status().orElse(JobStatus.PENDING).wireValue());
    insert.setString(6, params.jobType().map(type -> type.wireValue()).orElse(null));
    insert.setString(7, params.analyzerModel().orElse(null));
    insert.setString(8, params.dataSource().orElse(null));
    insert.setString(9, params.promptSlug().orElse(null));
    insert.setObject(10, now);
    insert.setObject(11, now);
    setDouble(insert, 12, params.bestScore());
    setDouble(insert, 13, params.baselineScore());
    setDouble(insert, 14, params.improvement());
    insert.setObject(15, params.numIterations().orElse(null), Types.BIGINT);
    insert.executeUpdate();
    return id;
  }

  /**
   * The row of {@code id}, every column read as {@code get} would map it, or empty when there is
   * none.
   */
  Optional<Object[]> get(UUID id) throws SQLException {
    PreparedStatement select = statement("SELECT * FROM jobs WHERE id = ?");
    select.setObject(1, id);
    try (ResultSet rows = select.executeQuery()) {
      if (!rows.next()) {
        return Optional.empty();
      }
      Object[] row = new Object[COLUMNS];
      for (int i = 0; i < COLUMNS; i++) {
        row[i] = rows.getObject(i + 1);
      }
      return Optional.of(row);
    }
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

  /** The ids of every row {@code where} keeps, newest first, without a count: a {@code findBy*}. */
  List<UUID> ids(Condition where) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (ResultSet rows =
        query("SELECT id FROM jobs WHERE " + where.sql() + NEWEST_FIRST, where).run()) {
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
    }
    return ids;
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
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      long seq = nextSeq;
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
      nextSeq = seq;
    }
  }

  private static void setDouble(PreparedStatement insert, int column, Optional<Double> value)
      throws SQLException {
    insert.setObject(column, value.orElse(null), Types.DOUBLE);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  private Query query(String sql, Condition where) throws SQLException {
    PreparedStatement statement = statement(sql);
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
