package org.safebed.transport.application;

import java.net.URI;
import org.safebed.platform.refusal.Refusal;
import org.safebed.platform.web.push.PushDevices;
import org.safebed.transport.domain.Drivers;
import org.springframework.stereotype.Service;

/**
 * A driver registers her devices for alerts of offers, and removes them; each driver only her own.
 * The devices are kept by the platform's store under the driver's account; only a driver has any.
 */
@Service
public class DriverDevices {

  private final PushDevices devices;
  private final Drivers drivers;

  public DriverDevices(PushDevices devices, Drivers drivers) {
    this.devices = devices;
    this.drivers = drivers;
  }

  /** The key devices subscribe with; 404 when push is off. */
  public String publicKey() {
    return devices.publicKey();
  }

  /** Registers (or renews) one of the driver's devices, identified by its endpoint. */
  public void subscribe(String driverSubject, String endpoint) {
    URI checked = devices.check(endpoint);
    requireDriver(driverSubject);
    devices.subscribe(driverSubject, checked);
  }

  /** Removes one of the driver's devices; an endpoint she has not registered changes nothing. */
  public void unsubscribe(String driverSubject, String endpoint) {
    URI checked = devices.check(endpoint);
    requireDriver(driverSubject);
    devices.unsubscribe(driverSubject, checked);
  }

  private void requireDriver(String driverSubject) {
    if (drivers.findBySubject(driverSubject).isEmpty()) {
      throw new Refusal.NotFound("Driver profile");
    }
  }
}
