package io.qinglang.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PersonalDataTest {
  @Test
  void idCheckDigitFollowsGb11643() {
    // the standard's worked example and two hand-computed numbers
    assertEquals('X', PersonalData.idCheckDigit("11010519491231002"));
    assertEquals('8', PersonalData.idCheckDigit("44030519900101124"));
    assertEquals('8', PersonalData.idCheckDigit("32010219851013123"));
    assertTrue(PersonalData.isValidIdNumber("11010519491231002X"));
    assertTrue(PersonalData.isValidIdNumber("11010519491231002x"));
    assertFalse(PersonalData.isValidIdNumber("110105194912310021"), "wrong check digit");
    assertFalse(PersonalData.isValidIdNumber("11010519491231002"), "17 digits");
    assertFalse(PersonalData.isValidIdNumber("110105194902300025"), "February 30th");
  }

  @Test
  void luhn() {
    assertTrue(PersonalData.isLuhnValid("4111111111111111"));
    assertTrue(PersonalData.isLuhnValid("4111 1111 1111 1111"));
    assertFalse(PersonalData.isLuhnValid("4111111111111112"));
    assertEquals(1, PersonalData.luhnCheckDigit("411111111111111"));
  }

  @Test
  void generatedValuesAreValid() {
    Tables t = Tables.get();
    SplittableRandom rng = new SplittableRandom(42);
    for (int i = 0; i < 2000; i++) {
      PersonalData.Region region = t.region(rng, null);
      String id = PersonalData.idNumber(rng, region);
      assertTrue(PersonalData.isValidIdNumber(id), id);
      assertTrue(id.startsWith(region.code()));
      String card = PersonalData.bankCard(rng, t.bankBins);
      assertTrue(PersonalData.isLuhnValid(card), card);
      assertTrue(card.length() >= 16 && card.length() <= 19, card);
      String formatted = PersonalData.formatCard(rng, card);
      assertTrue(PersonalData.isLuhnValid(formatted), formatted);
      assertFalse(PersonalData.isLuhnValid(PersonalData.nonLuhnDigits(rng, 18)));
      String mobile = PersonalData.mobile(rng, t.mobilePrefixes);
      assertTrue(mobile.matches("1[3-9]\\d{9}"), mobile);
    }
  }

  @Test
  void regionTableIsConsistent() {
    Tables t = Tables.get();
    for (PersonalData.Region r : t.regions) {
      assertTrue(r.code().matches("\\d{6}"), r.toString());
      assertTrue(t.provinceAbbrev.containsKey(r.province()), r.toString());
    }
  }
}
