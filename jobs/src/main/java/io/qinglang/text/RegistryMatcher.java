package io.qinglang.text;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.common.Term;
import io.qinglang.registry.Enterprise;
import io.qinglang.registry.EnterpriseRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the registry's enterprises in text: full names, short names and brands, leftmost-longest
 * with HanLP's Aho-Corasick trie, built once per JVM per registry fingerprint.
 *
 * <p>Short names are often ordinary words ("美的东西", "仰望星空", "吃苹果"), so a name is checked
 * before it counts:
 * <ul>
 *   <li>names of one character are never matched;
 *   <li>a Chinese name of up to three characters must be a word of its own where it occurs (HanLP
 *       segmentation of the surrounding characters keeps it whole): "美的" is not found in "美的东西";
 *   <li>a name that is also a common word (HanLP's core dictionary lists it as a verb, adjective,
 *       common noun ... seen more than once), a Latin name of one or two letters, and a name shared by
 *       several enterprises must be confirmed: by another, unambiguous name of the same enterprise in
 *       the same text, by an enterprise word right after it (集团, 官方, 旗舰店, 股价, 董事长, 手机 ...), by
 *       quotes or brackets around it, or by being the whole text (a search suggestion).
 * </ul>
 * A name shared by several enterprises names them all only when nothing singles one out; then it
 * stays a mention (for {@code <ENT>}) but links to no enterprise.
 *
 * <p>Registry entries are strings {@code "enterprise_id TAB name|name|..."} (see {@link #entries}) so
 * that Spark stages can carry them as Params and rebuild the matcher on executors.
 */
public final class RegistryMatcher {
  /** Words that, right after a name, say the name means the enterprise. */
  static final List<String> ENTERPRISE_WORDS = List.of(
      "集团", "公司", "股份", "控股", "科技", "汽车", "官方", "官网", "客服", "售后", "旗舰店", "专卖店", "门店",
      "品牌", "手机", "电脑", "空调", "冰箱", "app", "股价", "股票", "财报", "年报", "季报", "业绩", "营收",
      "老板", "董事长", "总裁", "创始人", "高管", "员工", "产品", "新车", "工厂", "董事会", "招聘", "公告", "声明",
      "回应", "商城", "小程序", "公众号", "账号", "店铺", "加盟");
  private static final String OPENERS = "\"“「《【(（'‘";
  private static final String CLOSERS = "\"”」》】)）'’";

  /** A registry name found in text: characters [start, end), the name and its enterprises. */
  public record Mention(int start, int end, String name, List<String> enterpriseIds) {}

  private record Name(String name, List<String> ids, boolean checkWord, boolean knownWord, boolean needsConfirmation) {}

  private final PhraseMatcher<Name> matcher;

  private RegistryMatcher(String[] entries) {
    Map<String, LinkedHashSet<String>> idsByName = new LinkedHashMap<>();
    TextNormalizer masked = new TextNormalizer(List.of(), true);
    for (String entry : entries) {
      int tab = entry.indexOf('\t');
      if (tab <= 0) {
        continue;
      }
      String id = entry.substring(0, tab);
      for (String raw : entry.substring(tab + 1).split("\\|")) {
        // Both spellings: as in char-normalized text, and as in fully normalized text (numbers masked).
        for (String form : new LinkedHashSet<>(List.of(CharNormalizer.normalize(raw).strip(), masked.normalize(raw)))) {
          if (form.codePointCount(0, form.length()) >= 2 && !Placeholders.IN_TEXT.matcher(form).matches()) {
            idsByName.computeIfAbsent(form, k -> new LinkedHashSet<>()).add(id);
          }
        }
      }
    }
    Map<String, Name> names = new HashMap<>();
    for (Map.Entry<String, LinkedHashSet<String>> e : idsByName.entrySet()) {
      String n = e.getKey();
      List<String> ids = List.copyOf(e.getValue());
      boolean han = n.codePoints().allMatch(CharNormalizer::isHan);
      boolean ascii = n.chars().allMatch(c -> c < 128);
      boolean checkWord = han && n.length() <= 3;
      // A name HanLP reads as one word on its own must stay one word in context; an unknown one (HanLP
      // reads it as single characters) only must not be part of a longer word.
      boolean knownWord = checkWord && Segmenters.plain().seg(n).size() == 1;
      boolean confirm = ids.size() > 1 || (ascii && n.length() <= 2) || commonWord(n);
      names.put(n, new Name(n, ids, checkWord, knownWord, confirm));
    }
    this.matcher = new PhraseMatcher<>(names, PhraseMatcher.Boundaries.ASCII_BOTH);
  }

  /** The matcher for these entries, built once per JVM. */
  public static RegistryMatcher of(String[] entries) {
    return of(entries, JvmCache.fingerprint(entries));
  }

  /** As {@link #of(String[])} with the entries' fingerprint computed once by the caller. */
  public static RegistryMatcher of(String[] entries, String fingerprint) {
    return JvmCache.get("registry", fingerprint, () -> new RegistryMatcher(entries));
  }

  /** The registry as matcher entries, one per enterprise: "id TAB name|short|brand...". */
  public static String[] entries(EnterpriseRegistry registry) {
    List<String> out = new ArrayList<>();
    for (Enterprise e : registry.enterprises()) {
      out.add(e.enterpriseId() + "\t" + String.join("|", e.allNames()));
    }
    return out.toArray(new String[0]);
  }

  public boolean isEmpty() {
    return matcher.isEmpty();
  }

  /** Confirmed mentions in {@code text} (char-normalized or fully normalized), left to right. */
  public List<Mention> mentions(String text) {
    List<PhraseMatcher.Match<Name>> found = matcher.leftmostLongest(text);
    if (found.isEmpty()) {
      return List.of();
    }
    record Candidate(PhraseMatcher.Match<Name> match, boolean context, boolean word) {}
    List<Candidate> candidates = new ArrayList<>();
    for (PhraseMatcher.Match<Name> m : found) {
      boolean context = contextConfirms(text, m);
      boolean word = !m.value().checkWord() || standsAlone(text, m);
      if (context || word) {
        candidates.add(new Candidate(m, context, word));
      }
    }
    // Enterprises named unambiguously somewhere in the text confirm their ambiguous names elsewhere.
    Set<String> sure = new LinkedHashSet<>();
    for (Candidate c : candidates) {
      if (!c.match().value().needsConfirmation() && c.word()) {
        sure.addAll(c.match().value().ids());
      }
    }
    List<Mention> out = new ArrayList<>();
    for (Candidate c : candidates) {
      PhraseMatcher.Match<Name> m = c.match();
      Name n = m.value();
      List<String> ids = n.ids();
      if (n.needsConfirmation()) {
        List<String> confirmedIds = ids.stream().filter(sure::contains).toList();
        if (!confirmedIds.isEmpty()) {
          ids = confirmedIds;
        } else if (!c.context()) {
          continue;
        }
      }
      out.add(new Mention(m.start(), m.end(), m.phrase(), ids.size() == 1 ? ids : List.of()));
    }
    return out;
  }

  /** The distinct enterprises named in {@code text}, in order of first mention. */
  public List<String> enterpriseIds(String text) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (Mention m : mentions(text)) {
      ids.addAll(m.enterpriseIds());
    }
    return List.copyOf(ids);
  }

  /**
   * True when HanLP, segmenting the characters around the match without the registry's words, reads
   * the name as the start of one word ("比亚迪", "携程网"). A name HanLP does not know as a word (a
   * made-up one, read as 鲸/舶/荟) may also be a run of whole words there, as long as no word begins
   * before it and ends inside it (美团 in 完美/团队) and none begins inside it and runs past its end (海川 in
   * 海/川菜馆). A known word split in context is read otherwise (美的 in 美/的/东西).
   */
  private static boolean standsAlone(String text, PhraseMatcher.Match<Name> m) {
    int from = Math.max(0, m.start() - 4);
    int to = Math.min(text.length(), m.end() + 4);
    String window = text.substring(from, to);
    int at = 0;
    for (Term t : Segmenters.plain().seg(window)) {
      int start = from + at;
      at += t.word.length();
      int end = from + at;
      if (start == m.start() && end >= m.end()) {
        return true;
      }
      if (start >= m.end()) {
        return !m.value().knownWord();
      }
      if ((start < m.start() && end > m.start()) || end > m.end()) {
        return false;
      }
    }
    // The name ends the window (and the text): nothing runs past it.
    return !m.value().knownWord();
  }

  private static boolean contextConfirms(String text, PhraseMatcher.Match<?> m) {
    String rest = text.substring(m.end()).stripLeading();
    if (rest.startsWith("的")) {
      rest = rest.substring(1);
    }
    for (String w : ENTERPRISE_WORDS) {
      if (rest.startsWith(w)) {
        return true;
      }
    }
    // A model designation right after a Chinese name: 仰望U8, 小天鹅<NUM>.
    if (m.end() < text.length() && CharNormalizer.isHan(text.codePointAt(m.end() - 1))
        && (CharNormalizer.isAsciiAlnum(text.charAt(m.end())) || text.startsWith(Placeholders.NUM, m.end()))) {
      return true;
    }
    if (m.start() > 0 && m.end() < text.length()) {
      int open = OPENERS.indexOf(text.charAt(m.start() - 1));
      if (open >= 0 && CLOSERS.indexOf(text.charAt(m.end())) == open) {
        return true;
      }
    }
    String before = text.substring(0, m.start()).stripTrailing();
    if (before.endsWith(Placeholders.TOPIC) || before.endsWith("#")) {
      return true;
    }
    return text.strip().length() == m.length();
  }

  /** A word HanLP's core dictionary knows as something other than a proper noun, seen more than once. */
  private static boolean commonWord(String name) {
    CoreDictionary.Attribute attribute = CoreDictionary.get(name);
    if (attribute == null) {
      return false;
    }
    int common = 0;
    for (int i = 0; i < attribute.nature.length; i++) {
      if (!proper(attribute.nature[i])) {
        common += attribute.frequency[i];
      }
    }
    return common >= 2;
  }

  private static boolean proper(Nature nature) {
    String n = nature.toString();
    return n.startsWith("nr") || n.startsWith("ns") || n.startsWith("nt") || n.startsWith("nz");
  }
}
