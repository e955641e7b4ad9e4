package org.safebed.occupancy.domain;

public record BedCounts(int available, int held, int occupied, int outOfService, int retired) {

  public static final BedCounts NONE = new BedCounts(0, 0, 0, 0, 0);

  public BedCounts(int available, int held, int occupied, int outOfService) {
    this(available, held, occupied, outOfService, 0);
  }

  public BedCounts plus(BedStatus status, int count) {
    return switch (status) {
      case AVAILABLE -> new BedCounts(available + count, held, occupied, outOfService, retired);
      case HELD -> new BedCounts(available, held + count, occupied, outOfService, retired);
      case OCCUPIED -> new BedCounts(available, held, occupied + count, outOfService, retired);
      case OUT_OF_SERVICE -> new BedCounts(available, held, occupied, outOfService + count, retired);
      case RETIRED -> new BedCounts(available, held, occupied, outOfService, retired + count);
    };
  }

  public int inService() {
    return available + held + occupied;
  }
}
