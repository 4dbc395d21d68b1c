package io.github.jobstore.benchmarks;

import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.store.JobNotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The iterations of {@link H2JobTable}'s jobs, as the API's {@code job_iterations} resource keeps
 * them: a table of their own, each row naming its job ({@code ON DELETE CASCADE}), indexed by job,
 * then {@code order}, then {@code seq} (the append order, shared with the jobs' counter). A row
 * holds what {@link IterationCreateParams} carries except {@code dimension_scores}, which the
 * benchmarks never set.
 *
 * <p>Not thread-safe: it works on one {@link H2JobTable}'s connection and statements.
 */
final class H2Iterations {

  private static final String INSERT =
      "INSERT INTO iterations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * The job's highest order. Not {@code MAX("order")}, which H2 answers by reading every index
   * entry of the job (O(iterations)), where PostgreSQL reads one; ordered by the whole index key,
   * descending, H2 reads the index backwards and stops at the first entry ("index sorted").
   */
  private static final String HIGHEST_ORDER =
      "SELECT \"order\" FROM iterations WHERE job = ? ORDER BY job DESC, \"order\" DESC LIMIT 1";

  private final Connection connection;
  private final AtomicLong seqs;
  private final PreparedStatement lockJob;
  private final PreparedStatement highestOrder;
  private final PreparedStatement insert;

  H2Iterations(Connection connection, AtomicLong seqs) throws SQLException {
    this.connection = connection;
    this.seqs = seqs;
    lockJob = connection.prepareStatement("SELECT id FROM jobs WHERE id = ? FOR UPDATE");
    highestOrder = connection.prepareStatement(HIGHEST_ORDER);
    insert = connection.prepareStatement(INSERT);
  }

  /** Creates the table and its index, in a database that has the {@code jobs} table. */
  static void createTable(Statement statement) throws SQLException {
    statement.execute(
        "CREATE TABLE iterations (id UUID PRIMARY KEY,"
            + " job UUID NOT NULL REFERENCES jobs(id) ON DELETE CASCADE, \"order\" BIGINT,"
            + " iteration_name VARCHAR(64) NOT NULL,"
            + " created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, seq BIGINT NOT NULL,"
            + " agent_code VARCHAR, avg_score DOUBLE PRECISION, description VARCHAR,"
            + " status VARCHAR(16))");
    statement.execute("CREATE INDEX iterations_job ON iterations (job, \"order\", seq)");
  }

  /**
   * Appends an iteration for {@code params} to {@code job} as the store's {@code appendIteration}
   * does, in one transaction: locks the job's row ({@code SELECT ... FOR UPDATE}), so appends to
   * one job from other connections wait and their automatic orders are unique; takes {@code
   * params}' order, else the job's highest plus one (1 for the first); inserts; commits. Returns
   * the new id.
   *
   * @throws JobNotFoundException if no job has the id; nothing is inserted
   */
  UUID appendIteration(UUID job, IterationCreateParams params) throws SQLException {
    // Django's transaction.atomic() does the same in autocommit mode: off for the block, then on.
    connection.setAutoCommit(false);
    try {
      lockJob.setObject(1, job);
      try (ResultSet rows = lockJob.executeQuery()) {
        if (!rows.next()) {
          throw new JobNotFoundException(job);
        }
      }
      long order;
      if (params.order().isPresent()) {
        order = params.order().get();
      } else {
        highestOrder.setObject(1, job);
        try (ResultSet rows = highestOrder.executeQuery()) {
          order = rows.next() ? rows.getLong(1) + 1 : 1;
        }
      }
      UUID id = UUID.randomUUID();
      set(id, job, order, params, OffsetDateTime.now(ZoneOffset.UTC));
      insert.executeUpdate();
      connection.commit();
      return id;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /**
   * Gives {@code job}, which has no iterations, {@code count} of them for {@code params}, orders 1
   * to {@code count}: one batch, not through {@link #appendIteration}, to build a job quickly.
   */
  void fill(UUID job, int count, IterationCreateParams params) throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    for (int order = 1; order <= count; order++) {
      set(UUID.randomUUID(), job, order, params, now);
      insert.addBatch();
    }
    insert.executeBatch();
  }

  /** The orders of {@code job}'s iterations, ascending, ties in append order. */
  List<Long> orders(UUID job) throws SQLException {
    List<Long> orders = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT \"order\" FROM iterations WHERE job = ? ORDER BY \"order\", seq")) {
      select.setObject(1, job);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          orders.add(rows.getLong(1));
        }
      }
    }
    return orders;
  }

  /** H2's plan for the job's highest order, to say how much of the job it reads. */
  String plan() throws SQLException {
    try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + HIGHEST_ORDER)) {
      explain.setObject(1, new UUID(0, 0));
      try (ResultSet rows = explain.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private void set(
      UUID id, UUID job, long order, IterationCreateParams params, OffsetDateTime createdAt)
      throws SQLException {
    insert.setObject(1, id);
    insert.setObject(2, job);
    insert.setLong(3, order);
    insert.setString(4, params.iterationName());
    insert.setObject(5, createdAt.truncatedTo(ChronoUnit.MICROS));
    insert.setLong(6, seqs.getAndIncrement());
    insert.setString(7, params.agentCode().orElse(null));
    insert.setObject(8, params.avgScore().orElse(null), Types.DOUBLE);
    insert.setString(9, params.description().orElse(null));
    insert.setString(10, params.status().map(status -> status.wireValue()).orElse(null));
  }
}
