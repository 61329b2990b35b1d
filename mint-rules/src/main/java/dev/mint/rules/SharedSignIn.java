package dev.mint.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Domains that sign in with one account, from {@code shared-credentials.json}: a {@code shared}
 * group (every member uses the same account) or a {@code from}/{@code to} pair (the {@code from}
 * domains sign in with the {@code to} domains' account). Immutable.
 */
public final class SharedSignIn {
  private final List<String> from;
  private final List<String> to;
  private final boolean shared;

  SharedSignIn(List<String> from, List<String> to, boolean shared) {
    this.from = List.copyOf(from);
    this.to = List.copyOf(to);
    this.shared = shared;
  }

  /**
   * Whether this is a {@code shared} group rather than a {@code from}/{@code to} pair.
   *
   * @return true for a group
   */
  public boolean isGroup() {
    return shared;
  }

  /**
   * Every domain of the group or pair, in the data's order ({@code from} before {@code to}).
   *
   * @return the domains
   */
  public List<String> domains() {
    List<String> all = new ArrayList<>(from);
    all.addAll(to);
    return List.copyOf(all);
  }

  /**
   * The {@code from} domains of a pair; a group's members.
   *
   * @return the domains that sign in elsewhere
   */
  public List<String> from() {
    return shared ? to : from;
  }

  /**
   * The {@code to} domains of a pair; a group's members.
   *
   * @return the domains whose account is used
   */
  public List<String> to() {
    return to;
  }

  /**
   * The domains that sign in with the same account as {@code domain}: a group's other members, a
   * {@code from} domain's {@code to} domains, a {@code to} domain's {@code from} and other {@code
   * to} domains.
   *
   * @param domain one of {@link #domains()}
   * @return the others, in the data's order
   */
  public List<String> others(String domain) {
    List<String> others = new ArrayList<>();
    for (String d : domains()) {
      if (!d.equals(domain)) {
        others.add(d);
      }
    }
    return List.copyOf(others);
  }

  @Override
  public String toString() {
    return shared ? "shared " + to : "from " + from + " to " + to;
  }
}
