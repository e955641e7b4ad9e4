package org.safebed.transport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DriverRankingTest {

  private final Driver near = Jobs.driver("near", 48.861, 2.351, true);
  private final Driver middle = Jobs.driver("middle", 48.90, 2.40, true);
  private final Driver far = Jobs.driver("far", 43.30, 5.37, true);

  @Test
  void nearestToThePickupComesFirst() {
    TransportJob job = Jobs.pending("plc-1", false);

    assertThat(DriverRanking.forJob(job, List.of(far, near, middle)))
        .extracting(Driver::id)
        .containsExactly("near", "middle", "far");
  }

  @Test
  void aMinorIsNeverOfferedToADriverWhoMayNotEscortMinors() {
    Driver nearestButNoMinors = Jobs.driver("no-minors", 48.86, 2.35, false);
    TransportJob minor = Jobs.pending("plc-1", true);
    TransportJob adult = Jobs.pending("plc-2", false);

    assertThat(DriverRanking.forJob(minor, List.of(nearestButNoMinors, far))).extracting(Driver::id).containsExactly("far");
    assertThat(DriverRanking.forJob(adult, List.of(nearestButNoMinors, far)))
        .extracting(Driver::id)
        .containsExactly("no-minors", "far");
  }

  @Test
  void anOnDutyDriverWithDutyWindowsIsRankedOnlyInsideOne() {
    Driver windowed =
        new Driver(
            "windowed", "a4", true, Gender.FEMALE, Set.of("fr"), true, near.base(), true, null, null,
            List.of(new DutyWindow(Jobs.T0, Jobs.T0.plus(Duration.ofHours(1)))));
    TransportJob job = Jobs.pending("plc-1", false);

    assertThat(DriverRanking.forJob(job, List.of(windowed, far), Jobs.T0)).extracting(Driver::id)
        .containsExactly("windowed", "far");
    assertThat(DriverRanking.forJob(job, List.of(windowed, far), Jobs.T0.plus(Duration.ofHours(1))))
        .as("the end of a window is outside it")
        .extracting(Driver::id)
        .containsExactly("far");
    assertThat(DriverRanking.forJob(job, List.of(windowed, far), Jobs.T0.minusSeconds(1))).extracting(Driver::id)
        .containsExactly("far");
  }

  @Test
  void aDutyWindowMustStartBeforeItEnds() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DutyWindow(Jobs.T0, Jobs.T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unvettedOffDutyBusyAndDecliningDriversAreLeftOut() {
    Driver unvetted = new Driver("unvetted", "a1", false, Gender.MALE, Set.of(), true, near.base(), true, null, null);
    Driver offDuty = new Driver("off", "a2", true, Gender.MALE, Set.of(), true, near.base(), false, null, null);
    Driver busy = new Driver("busy", "a3", true, Gender.MALE, Set.of(), true, near.base(), true, "job-x", Jobs.T0);
    TransportJob job = Jobs.offered("plc-1", near);
    job.decline("acct-near", Jobs.T0);

    assertThat(DriverRanking.forJob(job, List.of(unvetted, offDuty, busy, near, far)))
        .extracting(Driver::id)
        .containsExactly("far");
  }
  @Test
  void aRequestedEscortGenderIsNeverBentToFindSomeone() {
    Driver nearMan = Jobs.driver("near-man", 48.861, 2.351, true, Gender.MALE, Set.of("fr"));
    Driver farWoman = Jobs.driver("far-woman", 48.95, 2.50, true, Gender.FEMALE, Set.of("fr"));
    Driver nearOther = Jobs.driver("near-other", 48.861, 2.352, true, Gender.OTHER, Set.of("fr"));
    TransportJob wantsAWoman = Jobs.pending("plc-1", new EscortNeeds(false, Gender.FEMALE, Set.of()));
    TransportJob wantsAMan = Jobs.pending("plc-2", new EscortNeeds(false, Gender.MALE, Set.of()));

    assertThat(DriverRanking.forJob(wantsAWoman, List.of(nearMan, nearOther, farWoman)))
        .extracting(Driver::id)
        .containsExactly("far-woman");
    assertThat(DriverRanking.forJob(wantsAWoman, List.of(nearMan, nearOther))).isEmpty();
    assertThat(DriverRanking.forJob(wantsAMan, List.of(nearMan, nearOther, farWoman)))
        .extracting(Driver::id)
        .containsExactly("near-man");
  }

  @Test
  void theMinorRuleStillHoldsAlongsideTheGenderRule() {
    Driver womanAdultsOnly = Jobs.driver("woman-adults", 48.861, 2.351, false, Gender.FEMALE, Set.of("fr"));
    Driver womanEscort = Jobs.driver("woman-escort", 48.95, 2.50, true, Gender.FEMALE, Set.of("fr"));
    Driver manEscort = Jobs.driver("man-escort", 48.862, 2.352, true, Gender.MALE, Set.of("fr"));
    TransportJob girl = Jobs.pending("plc-1", new EscortNeeds(true, Gender.FEMALE, Set.of()));

    assertThat(DriverRanking.forJob(girl, List.of(womanAdultsOnly, manEscort, womanEscort)))
        .extracting(Driver::id)
        .containsExactly("woman-escort");
  }

  @Test
  void driversWhoShareOneOfHerLanguagesComeFirstTheOthersStayInLine() {
    Driver nearFrench = Jobs.driver("near-fr", 48.861, 2.351, true, Gender.FEMALE, Set.of("fr"));
    Driver middleArabic = Jobs.driver("middle-ar", 48.90, 2.40, true, Gender.FEMALE, Set.of("fr", "ar"));
    Driver farTigrinya = Jobs.driver("far-ti", 48.95, 2.50, true, Gender.MALE, Set.of("ti", "en"));
    TransportJob speaksArabicAndTigrinya = Jobs.pending("plc-1", new EscortNeeds(false, null, Set.of("ar", "ti")));
    TransportJob speaksPashto = Jobs.pending("plc-2", new EscortNeeds(false, null, Set.of("ps")));

    assertThat(DriverRanking.forJob(speaksArabicAndTigrinya, List.of(nearFrench, farTigrinya, middleArabic)))
        .extracting(Driver::id)
        .containsExactly("middle-ar", "far-ti", "near-fr");
    assertThat(DriverRanking.forJob(speaksPashto, List.of(farTigrinya, middleArabic, nearFrench)))
        .as("nobody shares her language: the nearest, and nobody left out")
        .extracting(Driver::id)
        .containsExactly("near-fr", "middle-ar", "far-ti");
  }
}
