package org.safebed.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoliceAccountsTest {

  @Test
  void everyAccountPlacesAtMostThreeTheCapPerRequester() {
    PoliceAccounts police = new PoliceAccounts(3);
    List<String> handedOut = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      handedOut.add(police.next());
    }

    assertThat(handedOut).containsExactly("load-police-1", "load-police-1", "load-police-1",
        "load-police-2", "load-police-2", "load-police-2", "load-police-3");
    assertThat(police.used()).isEqualTo(3);
  }

  @Test
  void upcomingNamesTheAccountsTheNextPlacementsComeFrom() {
    PoliceAccounts police = new PoliceAccounts(10);
    police.next();

    // placements 2..7 of the run: the rest of account 1, accounts 2 and 3
    assertThat(police.upcoming(6)).containsExactly("load-police-1", "load-police-2", "load-police-3");
    assertThat(police.upcoming(0)).isEmpty();
    assertThat(new PoliceAccounts(2).upcoming(100)).containsExactly("load-police-1", "load-police-2");
  }

  @Test
  void aReservedRangeIsFreshAccountsNobodyElseIsHanded() {
    PoliceAccounts police = new PoliceAccounts(10);
    police.next(); // account 1 is in use

    PoliceAccounts.Range range = police.reserve(7);

    assertThat(range).isEqualTo(new PoliceAccounts.Range(2, 3));
    assertThat(range.accounts()).containsExactly("load-police-2", "load-police-3", "load-police-4");
    assertThat(police.next()).isEqualTo("load-police-5");
  }

  @Test
  void runningOutOfAccountsIsAnErrorNotASecondUseOfOne() {
    PoliceAccounts police = new PoliceAccounts(1);
    police.reserve(3);

    assertThatIllegalStateException().isThrownBy(police::next);
    assertThatIllegalStateException().isThrownBy(() -> police.reserve(1));
  }

  @Test
  void eachThreadUsesUpWholeAccountsOfItsOwn() throws Exception {
    PoliceAccounts police = new PoliceAccounts(10);
    java.util.function.Supplier<String> account = police.perThread();
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();

    first.add(account.get());
    Thread other = Thread.ofPlatform().start(() -> {
      for (int i = 0; i < 4; i++) {
        second.add(account.get());
      }
    });
    other.join();
    first.add(account.get());
    first.add(account.get());
    first.add(account.get());

    assertThat(first).containsExactly("load-police-1", "load-police-1", "load-police-1", "load-police-4");
    assertThat(second).containsExactly("load-police-2", "load-police-2", "load-police-2", "load-police-3");
  }
}
