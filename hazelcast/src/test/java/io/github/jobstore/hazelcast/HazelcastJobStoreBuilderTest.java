package io.github.jobstore.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.store.JobQuery;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Building a store: names, defaults and the arguments it refuses, on a one-member cluster. */
class HazelcastJobStoreBuilderTest {

  @RegisterExtension static final TestCluster CLUSTER = TestCluster.forEachClass(1);

  @Test
  void storesOfOneNameShareTheirJobsAndStoresOfAnotherShareNothing() {
    String name = TestCluster.storeName();
    HazelcastJobStore one = HazelcastJobStore.builder(CLUSTER.member(0)).name(name).build();
    HazelcastJobStore same = HazelcastJobStore.builder(CLUSTER.member(0)).name(name).build();
    HazelcastJobStore other =
        HazelcastJobStore.builder(CLUSTER.member(0)).name(TestCluster.storeName()).build();

    UUID id = one.create(JobCreateParams.builder().build()).id();

    assertThat(same.find(id)).isPresent();
    assertThat(other.find(id)).isEmpty();
    assertThat(other.list(JobQuery.builder().build()).count()).isZero();
  }

  @Test
  void createMakesAStoreNamedJobstoreWhoseMapsStartWithTheName() {
    HazelcastJobStore store = HazelcastJobStore.create(CLUSTER.member(0));
    try {
      UUID id = store.create(JobCreateParams.builder().build()).id();

      assertThat(CLUSTER.member(0).getMap("jobstore.jobs").containsKey(id)).isTrue();
      assertThat(HazelcastJobStore.builder(CLUSTER.member(0)).name("jobstore").build().find(id))
          .isPresent();
    } finally {
      store.destroy();
    }
  }

  @Test
  void destroyRemovesEveryJobOfTheName() {
    String name = TestCluster.storeName();
    HazelcastJobStore store = HazelcastJobStore.builder(CLUSTER.member(0)).name(name).build();
    UUID id = store.create(JobCreateParams.builder().build()).id();

    store.destroy();

    assertThat(HazelcastJobStore.builder(CLUSTER.member(0)).name(name).build().find(id)).isEmpty();
  }

  @Test
  void aNameMustNotBeBlank() {
    HazelcastJobStore.Builder builder = HazelcastJobStore.builder(CLUSTER.member(0));

    assertThat(builder.name("x")).isSameAs(builder);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.name(" \t"))
        .withMessage("A store's name must not be blank");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.name(""));
  }

  @Test
  void nullArgumentsAreRefusedByName() {
    assertThatNullPointerException()
        .isThrownBy(() -> HazelcastJobStore.builder(null))
        .withMessage("hazelcast");
    HazelcastJobStore.Builder builder = HazelcastJobStore.builder(CLUSTER.member(0));
    assertThatNullPointerException().isThrownBy(() -> builder.name(null)).withMessage("name");
    assertThatNullPointerException().isThrownBy(() -> builder.clock(null)).withMessage("clock");
    assertThatNullPointerException()
        .isThrownBy(() -> builder.idGenerator(null))
        .withMessage("idGenerator");
  }

  @Test
  void anIdGeneratorThatRepeatsItselfIsRefusedAndTheFirstJobKept() {
    UUID id = UUID.randomUUID();
    HazelcastJobStore store =
        HazelcastJobStore.builder(CLUSTER.member(0))
            .name(TestCluster.storeName())
            .idGenerator(() -> id)
            .build();
    store.create(JobCreateParams.builder().promptSlug("first").build());

    assertThatIllegalStateException()
        .isThrownBy(() -> store.create(JobCreateParams.builder().promptSlug("second").build()))
        .withMessage("The id generator returned " + id + " twice");
    assertThat(store.get(id).promptSlug()).contains("first");
  }
}
