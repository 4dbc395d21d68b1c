package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobFields;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The SQL peer of the store benchmarks: jobs as rows of a table in an in-memory H2 database, with
 * the indexes {@code InMemoryJobStore} keeps: by {@code created_at} (newest first), and by {@code
 * project}, by {@code status} and by both, each then newest first. A page is two statements, as a
 * Django list view runs them: {@code SELECT COUNT(*)} and {@code SELECT id ... ORDER BY created_at
 * DESC, seq DESC LIMIT ? OFFSET ?}, where {@code seq} is the creation order, so ties go to the
 * newest created job first as in the store. A page reads only the ids of its rows; building {@link
 * Job}s from them would add to its cost. The jobs' iterations are in a table of their own ({@link
 * H2Iterations}).
 *
 * <p>Not thread-safe: one connection, and prepared statements kept by their SQL; {@link #connect}
 * gives another thread its own. Autocommit is on, so each statement of {@link #create}, {@link
 * #update} and {@link #delete} commits. The connections to one database share the counter {@code
 * seq} comes from, so it orders creates across connections.
 */
final class H2JobTable implements AutoCloseable {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private static final String NEWEST_FIRST = " ORDER BY created_at DESC, seq DESC";

  private static final int COLUMNS = 15;

  private static final String INSERT =
      "INSERT INTO jobs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final String url;
  private final Connection connection;
  private final AtomicLong seqs;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private @Nullable H2Iterations iterations;

  private H2JobTable(String url, Connection connection, AtomicLong seqs) {
    this.url = url;
    this.connection = connection;
    this.seqs = seqs;
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
    return new H2JobTable(url, DriverManager.getConnection(url), seqs);
  }

  private static H2JobTable newDatabase() throws SQLException {
    String url = "jdbc:h2:mem:jobs" + DATABASES.incrementAndGet();
    H2JobTable table = new H2JobTable(url, DriverManager.getConnection(url), new AtomicLong());
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
      H2Iterations.createTable(statement);
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
    setRow(insert, id, params, params.status().orElse(JobStatus.PENDING), now, now);
    insert.executeUpdate();
    return id;
  }

  /**
   * Sets the status and best score of the job {@code id}, and its {@code updated_at} to now, as the
   * API's update of those two fields does: one prepared {@code UPDATE}, committed. Returns whether
   * a row had the id.
   */
  boolean update(UUID id, JobStatus status, double bestScore) throws SQLException {
    PreparedStatement update =
        statement("UPDATE jobs SET status = ?, best_score = ?, updated_at = ? WHERE id = ?");
    update.setString(1, status.wireValue());
    update.setDouble(2, bestScore);
    update.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
    update.setObject(4, id);
    return update.executeUpdate() == 1;
  }

  /** Deletes the job {@code id} and, by cascade, its iterations; returns whether it was there. */
  boolean delete(UUID id) throws SQLException {
    PreparedStatement delete = statement("DELETE FROM jobs WHERE id = ?");
    delete.setObject(1, id);
    return delete.executeUpdate() == 1;
  }

  /** The jobs' iterations, through this connection. */
  H2Iterations iterations() throws SQLException {
    H2Iterations mine = iterations;
    if (mine == null) {
      mine = new H2Iterations(connection, seqs);
      iterations = mine;
    }
    return mine;
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
  Rows page(H2Condition where, int page, int pageSize) throws SQLException {
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
  List<UUID> ids(H2Condition where) throws SQLException {
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
  String plan(H2Condition where) throws SQLException {
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
      int rows = 0;
      for (Job job : jobs) {
        setRow(insert, job.id(), job, job.status(), utc(job.createdAt()), utc(job.updatedAt()));
        insert.addBatch();
        if (++rows % 10_000 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /** Sets {@link #INSERT}'s arguments: one row, the next {@code seq}. */
  private void setRow(
      PreparedStatement insert,
      UUID id,
      JobFields fields,
      JobStatus status,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt)
      throws SQLException {
    insert.setObject(1, id);
    insert.setLong(2, seqs.getAndIncrement());
    insert.setObject(3, fields.project().orElse(null), Types.OTHER);
    insert.setObject(4, fields.agent().orElse(null), Types.OTHER);
    insert.setString(5, status.wireValue());
    insert.setString(6, fields.jobType().map(type -> type.wireValue()).orElse(null));
    insert.setString(7, fields.analyzerModel().orElse(null));
    insert.setString(8, fields.dataSource().orElse(null));
    insert.setString(9, fields.promptSlug().orElse(null));
    insert.setObject(10, createdAt);
    insert.setObject(11, updatedAt);
    setDouble(insert, 12, fields.bestScore());
    setDouble(insert, 13, fields.baselineScore());
    setDouble(insert, 14, fields.improvement());
    insert.setObject(15, fields.numIterations().orElse(null), Types.BIGINT);
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

  private Query query(String sql, H2Condition where) throws SQLException {
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
}
