package io.qinglang.generate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Values that templates use but that the grammar files do not list: the post's enterprise and its
 * names, people, places, dates, numbers, personal data with valid check digits, and the figures of a
 * financial report. Within one post a bound value (the enterprise, the boss, an ID number) stays the
 * same wherever it is used.
 */
public enum Builtin {
  // the enterprise the post is about, and a competitor in the same industry
  ENT, ENT_FULL, ENT_SHORT, BRAND, ENT_FAKE, ENT_HOTLINE, ENT_SITE, FAKE_SITE, FAKE_HOTLINE, INDUSTRY,
  ENT_CITY, ENT_PROVINCE, RIVAL, RIVAL_FULL, RIVAL_BRAND,
  // people
  BOSS, BOSS_REF, BOSS_TITLE, BOSS_SURNAME, PERSON, PERSON_REF, NICK,
  // places and times
  CITY, PROVINCE, DISTRICT, DATE, TIME, MONTH, YEAR, EVENT,
  // numbers
  NUM, DEC,
  // personal data and contact details
  IDCARD, MOBILE, BANKCARD, ADDRESS, PLATE, EMAIL, WECHAT, QQ, ORDER_NO, EXPRESS_NO, LANDLINE, HOTLINE400,
  SHORT_URL, URL,
  // a financial report's figures (see FinancialReport)
  FIN_PERIOD, FIN_PERIOD_SHORT, FIN_REV, FIN_REV_PCT, FIN_REV_DIR, FIN_NP, FIN_NP_PCT, FIN_NP_DIR, FIN_NP_FLIP,
  FIN_NP_INFLATED, FIN_MINOR, FIN_MINOR_PCT, FIN_Q, FIN_Q_PCT, FIN_Q_DIR, FIN_BODY, FIN_NP_ROUGH, FIN_REV_ROUGH,
  FIN_NP_SIGNED, FIN_CRASH;

  private static final Map<String, Builtin> BY_NAME = new HashMap<>();

  static {
    for (Builtin b : values()) {
      BY_NAME.put(b.id(), b);
    }
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The built-in called {@code name} in templates, or null. */
  public static Builtin byName(String name) {
    return BY_NAME.get(name);
  }

  public boolean isFinancial() {
    return name().startsWith("FIN_");
  }
}
