package org.safebed.platform.web.notifications;

import org.safebed.platform.web.notifications.api.NotificationPushApi;
import org.safebed.platform.web.notifications.model.PushPublicKeyDto;
import org.safebed.platform.web.notifications.model.PushSubscriptionDto;
import org.safebed.platform.web.notifications.model.PushSubscriptionEndpointDto;
import org.safebed.platform.web.push.PushDevices;
import org.safebed.platform.web.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's devices for alerts of urgent notifications that name her, each person her own only.
 * Police and drivers: their notifications are addressed to their own account; the other roles' are
 * addressed to a role, shelter or agency, which never wakes a device, so they have nothing to register.
 */
@RestController
@PreAuthorize("hasAnyRole('POLICE', 'DRIVER')")
public class NotificationPushController implements NotificationPushApi {

  private final PushDevices devices;

  public NotificationPushController(PushDevices devices) {
    this.devices = devices;
  }

  @Override
  public ResponseEntity<PushPublicKeyDto> getNotificationPushPublicKey() {
    return ResponseEntity.ok(new PushPublicKeyDto(devices.publicKey()));
  }

  @Override
  public ResponseEntity<Void> subscribeToNotificationPush(PushSubscriptionDto body) {
    devices.subscribe(Caller.current().subject(), devices.check(body.getEndpoint()));
    return ResponseEntity.noContent().build();
  }

  @Override
  public ResponseEntity<Void> unsubscribeFromNotificationPush(PushSubscriptionEndpointDto body) {
    devices.unsubscribe(Caller.current().subject(), devices.check(body.getEndpoint()));
    return ResponseEntity.noContent().build();
  }
}
