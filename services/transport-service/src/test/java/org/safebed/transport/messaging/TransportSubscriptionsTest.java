package org.safebed.transport.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safebed.platform.messaging.EventWireFormat.MalformedEventException;
import org.safebed.platform.messaging.IncomingEvent;
import org.safebed.transport.application.HeldBed;
import org.safebed.transport.domain.EscortNeeds;
import org.safebed.transport.domain.Gender;

/** How a bed-held event becomes what transport plans with, escort preferences included. */
class TransportSubscriptionsTest {

  private static final Instant HELD_AT = Instant.parse("2026-11-22T18:00:00Z");

  @Test
  void escortPreferencesAreReadWhenGiven() {
    HeldBed held = TransportSubscriptions.heldBed(event(bedHeld(true, "FEMALE", List.of("ar", " TI "))));

    assertThat(held.escort()).isEqualTo(new EscortNeeds(true, Gender.FEMALE, java.util.Set.of("ar", "ti")));
    assertThat(held.eventId()).isEqualTo("evt-1");
    assertThat(held.heldAt()).isEqualTo(HELD_AT);
  }

  @Test
  void absentPreferencesMeanNone() {
    HeldBed held = TransportSubscriptions.heldBed(event(bedHeld(false, null, null)));

    assertThat(held.escort()).isEqualTo(EscortNeeds.of(false));
  }

  @Test
  void blankLanguagesAreLeftOut() {
    HeldBed held = TransportSubscriptions.heldBed(event(bedHeld(false, null, Arrays.asList("", null, "fr"))));

    assertThat(held.escort().languages()).containsExactly("fr");
  }

  @Test
  void anEscortGenderOutsideTheContractIsNotGuessedAt() {
    assertThatThrownBy(() -> TransportSubscriptions.heldBed(event(bedHeld(false, "female", List.of()))))
        .isInstanceOf(MalformedEventException.class);
    assertThatThrownBy(() -> TransportSubscriptions.heldBed(event(bedHeld(false, "ANY", List.of()))))
        .isInstanceOf(MalformedEventException.class);
  }

  private static BedHeld bedHeld(boolean minor, String escortGender, List<String> languages) {
    return new BedHeld(
        "plc-1", "shelter-alpha", "central", minor, escortGender, languages,
        new BedHeld.Area(48.86, 2.35), new BedHeld.Area(48.85, 2.40), HELD_AT.plusSeconds(3600));
  }

  private static IncomingEvent<BedHeld> event(BedHeld data) {
    return new IncomingEvent<>("evt-1", "placement.bed-held.v1", HELD_AT, "plc-1", "plc-1", data);
  }
}
