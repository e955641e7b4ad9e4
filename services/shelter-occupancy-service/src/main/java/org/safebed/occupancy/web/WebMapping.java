package org.safebed.occupancy.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.safebed.occupancy.application.ShelterAdministration.NewShelter;
import org.safebed.occupancy.application.ShelterAdministration.ShelterView;
import org.safebed.occupancy.domain.Arrival;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.BedCounts;
import org.safebed.occupancy.domain.BedStatus;
import org.safebed.occupancy.domain.Eligibility;
import org.safebed.occupancy.domain.EscortGender;
import org.safebed.occupancy.domain.ExclusionZone;
import org.safebed.occupancy.domain.Gender;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.InvalidValueException;
import org.safebed.occupancy.domain.Need;
import org.safebed.occupancy.domain.Person;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRequest;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.occupancy.domain.Specialism;
import org.safebed.occupancy.domain.TransportStatus;
import org.safebed.occupancy.domain.Urgency;
import org.safebed.occupancy.web.model.AgeBandDto;
import org.safebed.occupancy.web.model.ArrivalDto;
import org.safebed.occupancy.web.model.BedCountsDto;
import org.safebed.occupancy.web.model.BedDto;
import org.safebed.occupancy.web.model.OutOfServiceReasonDto;
import org.safebed.occupancy.web.model.BedStatusDto;
import org.safebed.occupancy.web.model.CheckOutReasonDto;
import org.safebed.occupancy.web.model.CoordinatesDto;
import org.safebed.occupancy.web.model.EligibilityDto;
import org.safebed.occupancy.web.model.EscortGenderDto;
import org.safebed.occupancy.web.model.GenderDto;
import org.safebed.occupancy.web.model.NeedDto;
import org.safebed.occupancy.web.model.NewShelterDto;
import org.safebed.occupancy.web.model.PlacementDto;
import org.safebed.occupancy.web.model.PlacementRequestDto;
import org.safebed.occupancy.web.model.PlacementStatusDto;
import org.safebed.occupancy.web.model.ShelterDto;
import org.safebed.occupancy.web.model.ShelterRefDto;
import org.safebed.occupancy.web.model.ShelterStatusDto;
import org.safebed.occupancy.web.model.SpecialismDto;
import org.safebed.occupancy.web.model.TransportDto;
import org.safebed.occupancy.web.model.TransportStatusDto;
import org.safebed.occupancy.web.model.UrgencyDto;

/**
 * Wire shapes to domain values and back. The outgoing shapes are built field by field from what
 * callers may see: a shelter's sealed fields have no way into them.
 */
final class WebMapping {

  private WebMapping() {}

  /**
   * The request without its keep-apart references (see {@link #keepApartFrom}). Empty list items
   * (JSON {@code null}) pass bean validation and are refused here, before anything is written.
   */
  static PlacementRequest placementRequest(PlacementRequestDto dto) {
    return new PlacementRequest(
        new Person(dto.getPerson().getAgeYears(), Gender.valueOf(dto.getPerson().getGender().getValue())),
        noEmptyItems(dto.getNeeds(), "needs").stream().map(n -> Need.valueOf(n.getValue())).collect(Collectors.toSet()),
        point(dto.getLocation()),
        noEmptyItems(dto.getExclusionZones(), "exclusionZones").stream()
            .map(z -> new ExclusionZone(new GeoPoint(z.getLat(), z.getLon()), z.getRadiusKm()))
            .toList(),
        noEmptyItems(dto.getSpecialisms(), "specialisms").stream()
            .map(s -> Specialism.valueOf(s.getValue())).collect(Collectors.toSet()),
        Set.copyOf(noEmptyItems(dto.getLanguages(), "languages")),
        Set.of(),
        dto.getMaxTravelMinutes(),
        dto.getUrgency() == null ? Urgency.NORMAL : Urgency.valueOf(dto.getUrgency().getValue()),
        dto.getEscortGender() == null ? null : EscortGender.valueOf(dto.getEscortGender().getValue()));
  }

  static Set<String> keepApartFrom(PlacementRequestDto dto) {
    return Set.copyOf(noEmptyItems(dto.getKeepApartFrom(), "keepApartFrom"));
  }

  private static <T> Collection<T> noEmptyItems(Collection<T> items, String field) {
    if (items == null) {
      return List.of();
    }
    if (items.stream().anyMatch(Objects::isNull)) {
      throw new InvalidValueException(field + " must not contain empty items");
    }
    return items;
  }

  static PlacementDto placement(Placement p) {
    return placement(p, false);
  }

  static PlacementDto placement(Placement p, boolean withReasons) {
    return placement(p, withReasons, Optional.empty());
  }

  /**
   * @param withReasons whether the caller may see why the shelter was chosen (coordinators)
   * @param arrival what to prepare for her, when the caller may know it
   */
  static PlacementDto placement(Placement p, boolean withReasons, Optional<Arrival> arrival) {
    PlacementDto dto = new PlacementDto()
        .id(p.id())
        .status(PlacementStatusDto.fromValue(p.status().name()))
        .holdExpiresAt(time(p.holdExpiresAt()))
        .createdAt(time(p.createdAt()))
        .transport(new TransportDto()
            .status(TransportStatusDto.fromValue(p.transport().status().name()))
            .etaMinutes(p.transport().etaMinutes())
            .policeEscortNeeded(p.transport().status() == TransportStatus.FAILED));
    if (p.hold() != null) {
      dto.shelter(new ShelterRefDto().codeName(p.hold().shelterCodeName()).region(p.hold().region()));
    }
    if (p.checkOutReason() != null) {
      dto.checkOutReason(CheckOutReasonDto.fromValue(p.checkOutReason().name()));
    }
    dto.urgency(UrgencyDto.fromValue(p.urgency().name()))
        .relocatedFrom(p.relocatedFrom())
        .relocatedTo(p.relocatedTo())
        .missingSince(time(p.missingSince()))
        .bedKeptUntil(time(p.status() == PlacementStatus.RESIDENT_MISSING ? p.bedKeptUntil() : null))
        .escalatedAt(time(p.escalatedAt()));
    // The generated DTO starts with an empty list, which would still be written: null leaves it out.
    dto.setMatchReasons(withReasons && !p.matchReasons().isEmpty() ? p.matchReasons() : null);
    dto.setArrival(arrival.map(WebMapping::arrival).orElse(null));
    return dto;
  }

  /** Needs in a fixed order, so that two answers about one placement read the same. */
  static ArrivalDto arrival(Arrival a) {
    return new ArrivalDto()
        .ageBand(AgeBandDto.fromValue(a.ageBand().name()))
        .gender(GenderDto.fromValue(a.gender().name()))
        .needs(a.needs().stream().sorted().map(n -> NeedDto.fromValue(n.name())).toList())
        .escortGender(a.escortGender() == null ? null : EscortGenderDto.fromValue(a.escortGender().name()));
  }

  static NewShelter newShelter(NewShelterDto dto) {
    return new NewShelter(dto.getId(), dto.getCodeName(), dto.getRegion(), point(dto.getLocation()),
        dto.getAddress(), eligibility(dto.getEligibility()), dto.getBedCount());
  }

  static ShelterDto shelter(ShelterView view) {
    Eligibility e = view.shelter().eligibility();
    BedCounts beds = view.beds();
    return new ShelterDto()
        .id(view.shelter().id())
        .codeName(view.shelter().codeName())
        .region(view.shelter().region())
        .status(ShelterStatusDto.fromValue(view.shelter().status().name()))
        .eligibility(new EligibilityDto()
            .minAge(e.minAge())
            .maxAge(e.maxAge())
            .genders(e.genders().stream().map(g -> GenderDto.fromValue(g.name()))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new)))
            .acceptsAccompanyingChild(e.acceptsAccompanyingChild())
            .accessible(e.accessible())
            .languages(new java.util.LinkedHashSet<>(e.languages().stream().sorted().toList()))
            .specialisms(e.specialisms().stream().map(s -> SpecialismDto.fromValue(s.name()))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new))))
        .beds(new BedCountsDto()
            .available(beds.available())
            .held(beds.held())
            .occupied(beds.occupied())
            .outOfService(beds.outOfService())
            .retired(beds.retired()))
        .capacityConfirmedAt(time(view.shelter().capacityConfirmedAt()))
        .capacityStale(view.capacityStale());
  }

  static BedDto bed(Bed bed) {
    return new BedDto().id(bed.id()).status(BedStatusDto.fromValue(bed.status().name()))
        .outOfServiceReason(bed.status() == BedStatus.OUT_OF_SERVICE && bed.outOfServiceReason() != null
            ? OutOfServiceReasonDto.fromValue(bed.outOfServiceReason().name()) : null);
  }

  private static Eligibility eligibility(EligibilityDto dto) {
    return new Eligibility(
        dto.getMinAge(),
        dto.getMaxAge(),
        noEmptyItems(dto.getGenders(), "genders").stream().map(g -> Gender.valueOf(g.getValue())).collect(Collectors.toSet()),
        Boolean.TRUE.equals(dto.getAcceptsAccompanyingChild()),
        Boolean.TRUE.equals(dto.getAccessible()),
        Set.copyOf(noEmptyItems(dto.getLanguages(), "languages")),
        noEmptyItems(dto.getSpecialisms(), "specialisms").stream()
            .map(s -> Specialism.valueOf(s.getValue())).collect(Collectors.toSet()));
  }

  private static GeoPoint point(CoordinatesDto dto) {
    return new GeoPoint(dto.getLat(), dto.getLon());
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
