package io.qinglang.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Valid-looking personal data for the leaks of category 3 (and the near misses of legitimate
 * posts): resident ID numbers with a correct GB 11643-1999 check digit, a real region prefix and a
 * plausible birth date; mobile numbers on real prefixes; bank card numbers on real issuer prefixes
 * that pass the Luhn check; addresses; licence plates. The values are random: they belong to nobody.
 */
public final class PersonalData {
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  private static final String PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

  private PersonalData() {}

  /** A region of the ID-number table: 6-digit code, province, city, district. */
  public record Region(String code, String province, String city, String district) {
    static Region parse(String line) {
      String[] f = line.split("\\s+");
      if (f.length != 4 || f[0].length() != 6) {
        throw new IllegalArgumentException("@data idregion line must be 'code province city district': " + line);
      }
      return new Region(f[0], f[1], f[2], f[3]);
    }
  }

  /** The GB 11643 check character of the first 17 digits. */
  public static char idCheckDigit(CharSequence first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return ID_CHECK[sum % 11];
  }

  /** True for an 18-character resident ID whose check character and birth date are right. */
  public static boolean isValidIdNumber(String id) {
    if (id == null || id.length() != 18) {
      return false;
    }
    for (int i = 0; i < 17; i++) {
      if (!Character.isDigit(id.charAt(i)) || id.charAt(i) > '9') {
        return false;
      }
    }
    try {
      LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
          Integer.parseInt(id.substring(12, 14)));
    } catch (java.time.DateTimeException e) {
      return false;
    }
    return Character.toUpperCase(id.charAt(17)) == idCheckDigit(id);
  }

  /** A resident ID number: region code, birth date (1955..2003), sequence, check digit. */
  public static String idNumber(SplittableRandom rng, Region region) {
    LocalDate birth = LocalDate.of(1955, 1, 1).plusDays(rng.nextInt(48 * 365));
    StringBuilder b = new StringBuilder(18);
    b.append(region.code());
    Text.pad(b, birth.getYear(), 4);
    Text.pad(b, birth.getMonthValue(), 2);
    Text.pad(b, birth.getDayOfMonth(), 2);
    Text.pad(b, rng.nextInt(1, 1000), 3);
    b.append(idCheckDigit(b));
    return b.toString();
  }

  /** The Luhn check digit for {@code partial} (all digits but the last). */
  public static int luhnCheckDigit(CharSequence partial) {
    int sum = 0;
    boolean dbl = true;
    for (int i = partial.length() - 1; i >= 0; i--) {
      int d = partial.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return (10 - sum % 10) % 10;
  }

  /** True when the digits (spaces and dashes ignored) pass the Luhn check. */
  public static boolean isLuhnValid(String number) {
    String digits = number.replace(" ", "").replace("-", "");
    if (digits.length() < 2) {
      return false;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (!Character.isDigit(digits.charAt(i)) || digits.charAt(i) > '9') {
        return false;
      }
    }
    int check = digits.charAt(digits.length() - 1) - '0';
    return luhnCheckDigit(digits.substring(0, digits.length() - 1)) == check;
  }

  /** A bank card number: an issuer prefix (line "prefix length") padded with random digits, Luhn-valid. */
  public static String bankCard(SplittableRandom rng, List<String> bins) {
    String line = bins.get(rng.nextInt(bins.size()));
    int space = line.indexOf(' ');
    int length = Integer.parseInt(line.substring(space + 1).strip());
    StringBuilder b = new StringBuilder(length).append(line, 0, space);
    while (b.length() < length - 1) {
      b.append((char) ('0' + rng.nextInt(10)));
    }
    b.append((char) ('0' + luhnCheckDigit(b)));
    return b.toString();
  }

  /** A number that looks like a card but fails Luhn (order numbers and the like). */
  public static String nonLuhnDigits(SplittableRandom rng, int length) {
    StringBuilder b = new StringBuilder(length);
    b.append((char) ('1' + rng.nextInt(9)));
    while (b.length() < length - 1) {
      b.append((char) ('0' + rng.nextInt(10)));
    }
    int good = luhnCheckDigit(b);
    b.append((char) ('0' + (good + 1 + rng.nextInt(9)) % 10));
    return b.toString();
  }

  /** A mobile number on one of {@code prefixes} (3 digits each). */
  public static String mobile(SplittableRandom rng, List<String> prefixes) {
    StringBuilder b = new StringBuilder(11).append(prefixes.get(rng.nextInt(prefixes.size())));
    while (b.length() < 11) {
      b.append((char) ('0' + rng.nextInt(10)));
    }
    return b.toString();
  }

  /** The mobile number as people write it: plain, with spaces or with dashes. */
  public static String formatMobile(SplittableRandom rng, String mobile) {
    int r = rng.nextInt(10);
    if (r < 6) {
      return mobile;
    }
    String sep = r < 8 ? " " : "-";
    return mobile.substring(0, 3) + sep + mobile.substring(3, 7) + sep + mobile.substring(7);
  }

  /** A card number as people write it: plain or in groups of four. */
  public static String formatCard(SplittableRandom rng, String card) {
    if (rng.nextInt(10) < 6) {
      return card;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < card.length(); i += 4) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(card, i, Math.min(card.length(), i + 4));
    }
    return b.toString();
  }

  /** A licence plate: province abbreviation, a letter, five characters. */
  public static String plate(SplittableRandom rng, String provinceAbbrev) {
    StringBuilder b = new StringBuilder(provinceAbbrev);
    b.append(PLATE_LETTERS.charAt(rng.nextInt(PLATE_LETTERS.length())));
    if (rng.nextInt(3) == 0) {
      b.append('·');
    }
    boolean ev = rng.nextInt(5) == 0;
    if (ev) {
      b.append(rng.nextBoolean() ? 'D' : 'F');
    }
    int n = ev ? 5 : 5;
    for (int i = 0; i < n; i++) {
      b.append(rng.nextInt(4) == 0 ? PLATE_LETTERS.charAt(rng.nextInt(PLATE_LETTERS.length()))
          : (char) ('0' + rng.nextInt(10)));
    }
    return b.toString();
  }
}
