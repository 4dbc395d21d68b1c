package io.github.jobstore.hazelcast;

/**
 * The write that stored a job's record: the map's entry events carry it, so a listener on any
 * member can tell which {@link io.github.jobstore.store.JobEvent} the write was.
 */
enum Write {
  CREATE,
  RESTORE,
  UPDATE,
  APPEND,
  UPDATE_ITERATION,
  /** The target's half of a move: this write is the move's event. */
  MOVE_IN,
  /** The source's half of a move: no event of its own. */
  MOVE_OUT,
  DELETE_ITERATION
}
