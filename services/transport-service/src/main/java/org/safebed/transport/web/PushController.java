package org.safebed.transport.web;

import org.safebed.transport.application.DriverDevices;
import org.safebed.transport.web.api.PushApi;
import org.safebed.transport.web.model.PushPublicKeyDto;
import org.safebed.transport.web.model.PushSubscriptionDto;
import org.safebed.transport.web.model.PushSubscriptionEndpointDto;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

/** A driver's devices for alerts of her offers: each driver reaches her own only. */
@RestController
class PushController implements PushApi {

  private final DriverDevices devices;
  private final CallingDriver caller;

  PushController(DriverDevices devices, CallingDriver caller) {
    this.devices = devices;
    this.caller = caller;
  }

  @Override
  @PreAuthorize("hasRole('DRIVER')")
  public ResponseEntity<PushPublicKeyDto> getPushPublicKey() {
    return ResponseEntity.ok(new PushPublicKeyDto(devices.publicKey()));
  }

  @Override
  @PreAuthorize("hasRole('DRIVER')")
  public ResponseEntity<Void> subscribeToPush(PushSubscriptionDto body) {
    devices.subscribe(caller.subject(), body.getEndpoint());
    return ResponseEntity.noContent().build();
  }

  @Override
  @PreAuthorize("hasRole('DRIVER')")
  public ResponseEntity<Void> unsubscribeFromPush(PushSubscriptionEndpointDto body) {
    devices.unsubscribe(caller.subject(), body.getEndpoint());
    return ResponseEntity.noContent().build();
  }
}
