package io.qinglang.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Lookup tables derived once from the grammar's {@code @data} sections: regions for ID numbers and
 * addresses, issuer prefixes, mobile prefixes, surnames, given-name characters, province
 * abbreviations, the typo, filter-dodging, homophone and look-alike character tables.
 */
final class Tables {
  private static volatile Tables shared;

  final List<PersonalData.Region> regions = new ArrayList<>();
  final Map<String, List<PersonalData.Region>> regionsByProvince = new LinkedHashMap<>();
  final List<String> provinces = new ArrayList<>();
  final double[] provinceCumulative;
  final List<String> bankBins;
  final List<String> mobilePrefixes;
  final String[] surnames;
  final double[] surnameCumulative;
  final String givenMale;
  final String givenFemale;
  final Map<String, String> provinceAbbrev = new HashMap<>();
  /** Character typo pairs: a character to the characters it is mistyped as. */
  final Map<Character, char[]> typos = new HashMap<>();
  /** Filter-dodging spellings: a word to its variants (V信 for 微信 ...). */
  final String[] dodgeWords;
  final String[][] dodgeVariants;
  /** Homophones and look-alike characters used by impersonating names. */
  final Map<Character, char[]> homophones = new HashMap<>();
  final Map<Character, char[]> lookalikes = new HashMap<>();
  final List<String> orgSuffixes;
  final List<String> unknownPlatforms;
  final List<String> badTimestamps;
  final List<String> emojiOnly;

  private Tables(Grammar g) {
    Map<String, Double> provinceWeights = new LinkedHashMap<>();
    for (String line : g.data("province")) {
      String[] f = line.split("\\s+");
      provinceAbbrev.put(f[0], f[1]);
      provinceWeights.put(f[0], Double.parseDouble(f[2]));
    }
    for (String line : g.data("idregion")) {
      PersonalData.Region r = PersonalData.Region.parse(line);
      if (!provinceAbbrev.containsKey(r.province())) {
        throw new IllegalArgumentException("@data idregion: province " + r.province() + " is not in @data province");
      }
      regions.add(r);
      regionsByProvince.computeIfAbsent(r.province(), k -> new ArrayList<>()).add(r);
    }
    provinces.addAll(provinceWeights.keySet());
    provinceCumulative = new double[provinces.size()];
    double sum = 0;
    for (int i = 0; i < provinces.size(); i++) {
      sum += provinceWeights.get(provinces.get(i));
      provinceCumulative[i] = sum;
    }
    for (String p : provinces) {
      if (!regionsByProvince.containsKey(p)) {
        throw new IllegalArgumentException("@data province " + p + " has no line in @data idregion");
      }
    }
    bankBins = List.copyOf(g.data("bankbin"));
    mobilePrefixes = List.copyOf(g.data("mobileprefix"));
    List<String> sn = g.data("surname");
    surnames = new String[sn.size()];
    surnameCumulative = new double[sn.size()];
    double s = 0;
    for (int i = 0; i < sn.size(); i++) {
      String[] f = sn.get(i).split("\\s+");
      surnames[i] = f[0];
      s += Double.parseDouble(f[1]);
      surnameCumulative[i] = s;
    }
    givenMale = String.join("", g.data("given_male")).replace(" ", "");
    givenFemale = String.join("", g.data("given_female")).replace(" ", "");
    charTable(g.data("typo"), typos);
    charTable(g.data("homophone"), homophones);
    charTable(g.data("lookalike"), lookalikes);
    List<String> dodge = g.data("dodge");
    dodgeWords = new String[dodge.size()];
    dodgeVariants = new String[dodge.size()][];
    for (int i = 0; i < dodge.size(); i++) {
      String[] f = dodge.get(i).split("\\s+");
      dodgeWords[i] = f[0];
      dodgeVariants[i] = java.util.Arrays.copyOfRange(f, 1, f.length);
    }
    orgSuffixes = List.copyOf(g.data("org_suffix"));
    unknownPlatforms = List.copyOf(g.data("unknown_platform"));
    badTimestamps = List.copyOf(g.data("bad_timestamp"));
    emojiOnly = List.copyOf(g.data("emoji_only"));
  }

  private static void charTable(List<String> lines, Map<Character, char[]> into) {
    for (String line : lines) {
      String[] f = line.split("\\s+");
      StringBuilder alts = new StringBuilder();
      for (int i = 1; i < f.length; i++) {
        alts.append(f[i]);
      }
      into.merge(f[0].charAt(0), alts.toString().toCharArray(), (a, b) -> {
        char[] c = new char[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
      });
    }
  }

  static Tables get() {
    Tables t = shared;
    if (t == null) {
      synchronized (Tables.class) {
        t = shared;
        if (t == null) {
          t = new Tables(Grammar.get());
          shared = t;
        }
      }
    }
    return t;
  }

  String province(SplittableRandom rng) {
    double r = rng.nextDouble() * provinceCumulative[provinceCumulative.length - 1];
    for (int i = 0; i < provinceCumulative.length; i++) {
      if (r < provinceCumulative[i]) {
        return provinces.get(i);
      }
    }
    return provinces.get(provinces.size() - 1);
  }

  PersonalData.Region region(SplittableRandom rng, String province) {
    List<PersonalData.Region> list = province == null ? null : regionsByProvince.get(province);
    if (list == null) {
      list = regionsByProvince.get(province(rng));
    }
    return list.get(rng.nextInt(list.size()));
  }

  Person person(SplittableRandom rng) {
    double r = rng.nextDouble() * surnameCumulative[surnameCumulative.length - 1];
    int i = 0;
    while (i < surnameCumulative.length - 1 && r >= surnameCumulative[i]) {
      i++;
    }
    boolean female = rng.nextInt(100) < 40;
    String pool = female ? givenFemale : givenMale;
    int len = rng.nextInt(100) < 72 ? 2 : 1;
    StringBuilder given = new StringBuilder();
    for (int k = 0; k < len; k++) {
      given.append(pool.charAt(rng.nextInt(pool.length())));
    }
    return new Person(surnames[i], given.toString(), female);
  }
}
