package org.safebed.console.services;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safebed.console.services.model.Notice;
import org.safebed.platform.web.security.Role;

/**
 * Her notifications, from the services that raise them for her roles: shelter occupancy for police,
 * shelter managers and coordinators, transport for drivers and coordinators, rental referral for
 * housing officers. Each service answers {@code /api/notifications} with her token; the console
 * puts their answers together, newest first, and sends a "read" back to the service it came from.
 */
public final class NotificationsApi {

  /** The services that raise notifications. */
  public enum Source {
    OCCUPANCY(EnumSet.of(Role.POLICE, Role.SHELTER_MANAGER, Role.COORDINATOR)),
    TRANSPORT(EnumSet.of(Role.DRIVER, Role.COORDINATOR)),
    REFERRAL(EnumSet.of(Role.HOUSING_OFFICER));

    private final Set<Role> raisesFor;

    Source(Set<Role> raisesFor) {
      this.raisesFor = raisesFor;
    }

    /** The services with notifications for someone with these roles, the first followed live. */
    public static List<Source> of(Set<Role> roles) {
      return java.util.Arrays.stream(values()).filter(s -> s.raisesFor.stream().anyMatch(roles::contains)).toList();
    }
  }

  /** Hers, together; {@code unavailable} names services that did not answer (their part is missing). */
  public record Inbox(int unread, List<Notice> items, List<Source> unavailable) {}

  private static final int LIMIT = 50;

  private final Map<Source, ServiceCalls> services;
  private final Map<Source, LiveStreams> streams;

  public NotificationsApi(Map<Source, ServiceCalls> services, Map<Source, LiveStreams> streams) {
    this.services = Map.copyOf(services);
    this.streams = Map.copyOf(streams);
  }

  public Inbox inbox(Set<Role> roles) {
    int unread = 0;
    List<Notice> items = new ArrayList<>();
    List<Source> unavailable = new ArrayList<>();
    for (Source source : Source.of(roles)) {
      try {
        Notice.Page page = services.get(source).call(client -> client.get()
            .uri("/api/notifications?limit={limit}", LIMIT).retrieve().body(Notice.Page.class));
        unread += page.unread();
        page.items().forEach(notice -> items.add(notice.from(source.name())));
      } catch (ServiceUnavailable down) {
        // One service away must not hide what the others have for her.
        unavailable.add(source);
      }
    }
    items.sort(Comparator.comparing(Notice::raisedAt).reversed());
    return new Inbox(unread, items.size() > LIMIT ? items.subList(0, LIMIT) : items, unavailable);
  }

  public void markRead(Source source, String id) {
    services.get(source).run(client -> client.post().uri("/api/notifications/{id}/read", id).retrieve().toBodilessEntity());
  }

  public void markAllRead(Set<Role> roles) {
    for (Source source : Source.of(roles)) {
      services.get(source).run(client -> client.post().uri("/api/notifications/read").retrieve().toBodilessEntity());
    }
  }

  /**
   * Follows the live notifications of her first service (off the request thread, with her token
   * given). The others' arrive with the page's periodic look.
   */
  public LiveStreams.End follow(Set<Role> roles, String token, LiveStreams.Listener listener) {
    List<Source> sources = Source.of(roles);
    if (sources.isEmpty()) {
      return LiveStreams.End.REFUSED;
    }
    return streams.get(sources.getFirst()).follow(token, listener, "/api/notifications/events");
  }
}
