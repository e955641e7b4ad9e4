package org.safebed.transport.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.safebed.transport.domain.Driver;
import org.safebed.transport.domain.DriverAccounts;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.GeoPoint;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DemoDriversTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withBean("indexes", Object.class, Object::new)
          .withBean(Drivers.class, () -> recording(new ArrayList<>()))
          .withBean(DriverAccounts.class, () -> linking(new TreeMap<>()))
          .withUserConfiguration(DemoDrivers.class);

  @Test
  void seededOnlyWhenDemoDataIsEnabled() {
    context.run(off -> assertThat(off).doesNotHaveBean(DemoDrivers.class));
    context
        .withPropertyValues("safebed.demo-data.enabled=true")
        .run(on -> assertThat(on).hasSingleBean(DemoDrivers.class));
  }

  private static DriverAccounts linking(Map<String, String> links) {
    return (DriverAccounts) Proxy.newProxyInstance(
        DriverAccounts.class.getClassLoader(),
        new Class<?>[] {DriverAccounts.class},
        (proxy, method, args) -> {
          if (method.getName().equals("link")) {
            links.put((String) args[0], (String) args[1]);
            return true;
          }
          return null;
        });
  }

  private static Drivers recording(List<Driver> seeded) {
    return (Drivers) Proxy.newProxyInstance(
        Drivers.class.getClassLoader(),
        new Class<?>[] {Drivers.class},
        (proxy, method, args) -> {
          if (method.getName().equals("upsertProfile")) {
            seeded.add((Driver) args[0]);
          }
          return null;
        });
  }

  @Test
  void oneVettedOnDutyEscortPerRegionWithTheCentralOneBeingDemoDriver() {
    List<Driver> seeded = new ArrayList<>();

    new DemoDrivers(recording(seeded), linking(new TreeMap<>())).afterPropertiesSet();

    assertThat(seeded).extracting(Driver::accountSubject).containsExactly("demo-driver-2", "demo-driver", "demo-driver-3");
    assertThat(seeded).allMatch(d -> d.vetted() && d.onDuty() && d.canEscortMinors() && d.currentJobId() == null);
    assertThat(seeded).extracting(Driver::id).doesNotHaveDuplicates();
    Driver central = seeded.get(1);
    assertThat(central.base().kilometresTo(new GeoPoint(48.86, 2.35))).isLessThan(10);
    assertThat(seeded.get(0).base().kilometresTo(new GeoPoint(50.6, 3.06))).isLessThan(10);
    assertThat(seeded.get(2).base().kilometresTo(new GeoPoint(43.30, 5.37))).isLessThan(10);
  }

  @Test
  void theDemoPeopleAreTheDemoDrivers() {
    List<Driver> seeded = new ArrayList<>();
    Map<String, String> links = new TreeMap<>();

    new DemoDrivers(recording(seeded), linking(links)).afterPropertiesSet();

    assertThat(links).containsExactlyEntriesOf(
        new TreeMap<>(Map.of("driver", "demo-driver", "driver-2", "demo-driver-2", "driver-3", "demo-driver-3")));
    assertThat(seeded).extracting(Driver::accountSubject).containsAll(links.values());
  }
}
