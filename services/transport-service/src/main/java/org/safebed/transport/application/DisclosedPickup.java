package org.safebed.transport.application;

/** Where a driver picks her up: her shelter's address for a move, the exact point police found her for a pick-up. */
public sealed interface DisclosedPickup permits DestinationAddress, PickupPoint {}
