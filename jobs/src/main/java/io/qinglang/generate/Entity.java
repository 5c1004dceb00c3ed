package io.qinglang.generate;

import java.util.List;

/**
 * An enterprise a post talks about: one of the registry's (with its id and official accounts) or an
 * invented one. Invented enterprises recur across posts and categories, like registry ones, so that
 * no name means "violation".
 */
public final class Entity {
  final String registryId;
  final String full;
  final String shortName;
  final List<String> brands;
  final int industry;
  final String province;
  final String city;
  final List<String> officialAccounts;
  final Person boss;
  final String hotline;
  final long key;
  private String latin;

  Entity(String registryId, String full, String shortName, List<String> brands, int industry, String province,
      String city, List<String> officialAccounts, Person boss, String hotline, long key) {
    this.registryId = registryId;
    this.full = full;
    this.shortName = shortName;
    this.brands = brands;
    this.industry = industry;
    this.province = province;
    this.city = city;
    this.officialAccounts = officialAccounts;
    this.boss = boss;
    this.hotline = hotline;
    this.key = key;
  }

  public boolean inRegistry() {
    return registryId != null;
  }

  /** A Latin spelling of the short name (pinyin without tones, or the name's own Latin letters). */
  String latin() {
    if (latin == null) {
      latin = Pinyin.of(shortName);
    }
    return latin;
  }

  /** Initials of the short name's pinyin, for domains and account ids. */
  String initials() {
    return Pinyin.initials(shortName);
  }

  @Override
  public String toString() {
    return shortName + (registryId == null ? "" : "(" + registryId + ")");
  }
}
