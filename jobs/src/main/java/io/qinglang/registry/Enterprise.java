package io.qinglang.registry;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One enterprise of the registry. {@code officialAccounts} holds canonical {@code platform:account_id}
 * pairs: posts from these accounts are the enterprise's own and never impersonation. {@code ownership} is null
 * when the registry does not give it (statistics then count the enterprise as of unknown ownership).
 */
public record Enterprise(
    String enterpriseId,
    String name,
    List<String> shortNames,
    List<String> brands,
    Ownership ownership,
    String industry,
    String region,
    List<String> officialAccounts) implements Serializable {

  /** Every name by which posts refer to the enterprise: full name, short names and brands, longest first. */
  public List<String> allNames() {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    names.add(name);
    names.addAll(shortNames);
    names.addAll(brands);
    List<String> sorted = new ArrayList<>(names);
    sorted.sort((a, b) -> Integer.compare(b.length(), a.length()));
    return sorted;
  }
}
