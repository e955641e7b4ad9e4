package org.safebed.occupancy.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.safebed.occupancy.application.ShelterAdministration.NewShelter;
import org.safebed.occupancy.application.ShelterAdministration.ShelterView;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.BedCounts;
import org.safebed.occupancy.domain.Eligibility;
import org.safebed.occupancy.domain.ExclusionZone;
import org.safebed.occupancy.domain.Gender;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.Need;
import org.safebed.occupancy.domain.Person;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRequest;
import org.safebed.occupancy.domain.Specialism;
import org.safebed.occupancy.web.model.BedCountsDto;
import org.safebed.occupancy.web.model.BedDto;
import org.safebed.occupancy.web.model.BedStatusDto;
import org.safebed.occupancy.web.model.CheckOutReasonDto;
import org.safebed.occupancy.web.model.CoordinatesDto;
import org.safebed.occupancy.web.model.EligibilityDto;
import org.safebed.occupancy.web.model.GenderDto;
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

/**
 * Wire shapes to domain values and back. The outgoing shapes are built field by field from what
 * callers may see: a shelter's sealed fields have no way into them.
 */
final class WebMapping {

  private WebMapping() {}

  static PlacementRequest placementRequest(PlacementRequestDto dto) {
    return new PlacementRequest(
        new Person(dto.getPerson().getAgeYears(), Gender.valueOf(dto.getPerson().getGender().getValue())),
        dto.getNeeds() == null ? Set.of()
            : dto.getNeeds().stream().map(n -> Need.valueOf(n.getValue())).collect(Collectors.toSet()),
        point(dto.getLocation()),
        dto.getExclusionZones() == null ? List.of()
            : dto.getExclusionZones().stream()
                .map(z -> new ExclusionZone(new GeoPoint(z.getLat(), z.getLon()), z.getRadiusKm()))
                .toList());
  }

  static PlacementDto placement(Placement p) {
    PlacementDto dto = new PlacementDto()
        .id(p.id())
        .status(PlacementStatusDto.fromValue(p.status().name()))
        .holdExpiresAt(time(p.holdExpiresAt()))
        .createdAt(time(p.createdAt()))
        .transport(new TransportDto()
            .status(TransportStatusDto.fromValue(p.transport().status().name()))
            .etaMinutes(p.transport().etaMinutes()));
    if (p.hold() != null) {
      dto.shelter(new ShelterRefDto().codeName(p.hold().shelterCodeName()).region(p.hold().region()));
    }
    if (p.checkOutReason() != null) {
      dto.checkOutReason(CheckOutReasonDto.fromValue(p.checkOutReason().name()));
    }
    return dto;
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
            .outOfService(beds.outOfService()));
  }

  static BedDto bed(Bed bed) {
    return new BedDto().id(bed.id()).status(BedStatusDto.fromValue(bed.status().name()));
  }

  private static Eligibility eligibility(EligibilityDto dto) {
    return new Eligibility(
        dto.getMinAge(),
        dto.getMaxAge(),
        dto.getGenders().stream().map(g -> Gender.valueOf(g.getValue())).collect(Collectors.toSet()),
        Boolean.TRUE.equals(dto.getAcceptsAccompanyingChild()),
        Boolean.TRUE.equals(dto.getAccessible()),
        dto.getLanguages() == null ? Set.of() : Set.copyOf(dto.getLanguages()),
        dto.getSpecialisms() == null ? Set.of()
            : dto.getSpecialisms().stream().map(s -> Specialism.valueOf(s.getValue())).collect(Collectors.toSet()));
  }

  private static GeoPoint point(CoordinatesDto dto) {
    return new GeoPoint(dto.getLat(), dto.getLon());
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
