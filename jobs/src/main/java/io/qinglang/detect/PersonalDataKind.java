package io.qinglang.detect;

import java.util.Locale;

/**
 * The kinds of personal data the detector finds, in the order they win when two candidates
 * overlap (a valid resident ID is never also reported as a bank card). {@link #HOTLINE} is found so
 * that it can be excluded: a 400/800 service number is published on purpose and is never a leak.
 */
public enum PersonalDataKind {
  RESIDENT_ID(0.70),
  BANK_CARD(0.55),
  PASSPORT(0.25),
  EMAIL(0.35),
  MOBILE(0.45),
  LANDLINE(0.35),
  HOTLINE(0.0),
  LICENCE_PLATE(0.35),
  ADDRESS(0.35),
  /** A child's school and class (实验小学三年二班): where a family can be found every school day. */
  SCHOOL_CLASS(0.35),
  /** A flight number next to a flight word (MU5633 落地): where a person will be, and when. */
  FLIGHT(0.35),
  /**
   * An entrepreneur's medical details told in words (a ward or bed, a department, an operation, a diagnosis),
   * only with a word naming a boss close by.
   */
  MEDICAL(0.35);

  private final double baseScore;

  PersonalDataKind(double baseScore) {
    this.baseScore = baseScore;
  }

  /** The score of a validated candidate before its context is weighed. */
  public double baseScore() {
    return baseScore;
  }

  /** The id used in evidence and lexicon sections: resident_id, mobile, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Contact data an enterprise publishes about itself (never a leak when an official account posts it). */
  public boolean isContact() {
    return this == MOBILE || this == LANDLINE || this == EMAIL || this == ADDRESS || this == HOTLINE;
  }
}
