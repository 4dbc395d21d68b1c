package io.github.jobstore.testkit;

/**
 * A value that broke a property, the choices that generated it and what the property threw.
 *
 * @param choices what {@link ChoiceSequence} handed out while the value was drawn
 * @param value the value drawn
 * @param failure what the property threw on it
 */
// Never compared or hashed: the array's identity equality does not matter.
@SuppressWarnings("ArrayRecordComponent")
record Counterexample(long[] choices, Object value, Throwable failure) {}
