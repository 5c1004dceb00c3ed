package io.qinglang.detect;

import io.qinglang.detect.PersonalDataPatterns.Candidate;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores validated personal-data candidates by their context, in the spirit of Presidio's
 * recognizers: a pattern with a validator gives a base score per kind ({@link PersonalDataKind#baseScore()}),
 * and words within {@code window} characters either side move it:
 * <ul>
 *   <li>a cue for this kind (身份证 before an ID number, 卡号 before a card): +0.10;</li>
 *   <li>private-life words (住址, 病历, 行程, 开房 ...): +0.10 each, at most two;</li>
 *   <li>anywhere in the text (they describe the whole post): exposure words (人肉, 起底, 打爆 ...): +0.20;
 *       words naming a person (老板, 董事长, 经理 ...): +0.10;</li>
 *   <li>business or public words (客服, 热线, 订单号, 价格, 示例 ...): -0.30, and -0.15 more for a second one;</li>
 *   <li>each further kind of validated personal data in the same text (a dossier): +0.10, at most two.</li>
 * </ul>
 * The result is clamped to 0..1; findings below the report score are dropped. Hotlines (400/800)
 * are never findings; neither are contacts posted by an official registry account nor values in
 * {@code officialContacts} (numbers the enterprises publish themselves).
 */
public final class PersonalDataRecognizer implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final Set<String> SECTIONS;

  static {
    Set<String> s = new LinkedHashSet<>(List.of("private", "doxxing", "person", "public", "role_email"));
    for (PersonalDataKind k : PersonalDataKind.values()) {
      if (k != PersonalDataKind.HOTLINE) {
        s.add("kind." + k.id());
      }
    }
    SECTIONS = Set.copyOf(s);
  }

  /** A scored finding; {@code value} is the raw normalised value and must never be written out. */
  public record Finding(PersonalDataKind kind, int start, int end, String value, String masked, double score,
      boolean privateContext, String detail) implements Serializable {

    /** The evidence struct: kind, masked span, offsets in {@code field}, score. */
    public Evidence toEvidence(String field) {
      return new Evidence(Evidence.PERSONAL_DATA, kind.id(), field + ": " + detail, masked, start, end,
          Math.round(score * 1000) / 1000.0);
    }
  }

  private final List<String> privateWords;
  private final List<String> doxxingWords;
  private final List<String> personWords;
  private final List<String> publicWords;
  private final Map<PersonalDataKind, List<String>> cues;
  private final Set<String> roleMailboxes;
  private final int window;
  private final double reportScore;

  public PersonalDataRecognizer(Lexicon lexicon, int window, double reportScore) {
    lexicon.requireSections(Set.of("private", "public"), SECTIONS);
    this.privateWords = lower(lexicon.words("private"));
    this.doxxingWords = lower(lexicon.words("doxxing"));
    this.personWords = lower(lexicon.words("person"));
    this.publicWords = lower(lexicon.words("public"));
    this.cues = new EnumMap<>(PersonalDataKind.class);
    for (PersonalDataKind k : PersonalDataKind.values()) {
      cues.put(k, lower(lexicon.words("kind." + k.id())));
    }
    this.roleMailboxes = Set.copyOf(lower(lexicon.words("role_email")));
    this.window = window;
    this.reportScore = reportScore;
  }

  private static List<String> lower(List<String> words) {
    return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
  }

  /** Findings at or above the report score, in text order. */
  public List<Finding> recognize(String text, boolean authorIsOfficial, Set<String> officialContacts) {
    List<Candidate> candidates = PersonalDataPatterns.find(text);
    if (candidates.isEmpty()) {
      return List.of();
    }
    String lower = PersonalDataPatterns.fold(text).toLowerCase(Locale.ROOT);
    EnumSet<PersonalDataKind> kindsPresent = EnumSet.noneOf(PersonalDataKind.class);
    List<Candidate> valid = new ArrayList<>();
    for (Candidate c : candidates) {
      if (!c.validated() || c.kind() == PersonalDataKind.HOTLINE) {
        continue;
      }
      if (c.kind().isContact() && (authorIsOfficial || officialContacts.contains(c.value()))) {
        continue;
      }
      valid.add(c);
      kindsPresent.add(c.kind());
    }
    List<Finding> out = new ArrayList<>();
    for (Candidate c : valid) {
      Finding f = score(c, lower, kindsPresent.size() - 1);
      if (f.score() >= reportScore) {
        out.add(f);
      }
    }
    return out;
  }

  private Finding score(Candidate c, String lower, int otherKinds) {
    int from = Math.max(0, c.start() - window);
    int to = Math.min(lower.length(), c.end() + window);
    // Context is what surrounds the value, not the value itself.
    String before = lower.substring(from, c.start());
    String after = lower.substring(c.end(), to);
    double score = c.kind().baseScore();
    List<String> reasons = new ArrayList<>();
    if (c.kind() == PersonalDataKind.ADDRESS && PersonalDataPatterns.ADDRESS_RESIDENTIAL.equals(c.note())) {
      score += 0.15;
    }
    if (c.kind() == PersonalDataKind.EMAIL) {
      String local = c.value().substring(0, c.value().indexOf('@'));
      if (roleMailboxes.contains(local)) {
        score -= 0.25;
        reasons.add("institutional mailbox");
      }
    }
    String cue = firstIn(cues.get(c.kind()), before, after);
    if (cue != null) {
      score += 0.10;
      reasons.add("+" + cue);
    } else if (c.kind() == PersonalDataKind.PASSPORT) {
      reasons.add("no passport cue");
    }
    List<String> priv = allIn(privateWords, before, after);
    boolean privateContext = !priv.isEmpty();
    for (int i = 0; i < Math.min(2, priv.size()); i++) {
      score += 0.10;
      if (!priv.get(i).equals(cue)) {
        reasons.add("+" + priv.get(i));
      }
    }
    String dox = firstIn(doxxingWords, lower, "");
    if (dox != null) {
      score += 0.20;
      privateContext = true;
      reasons.add("+" + dox);
    }
    String person = firstIn(personWords, lower, "");
    if (person != null) {
      score += 0.10;
      reasons.add("+" + person);
    }
    List<String> pub = allIn(publicWords, before, after);
    if (!pub.isEmpty()) {
      score -= pub.size() >= 2 ? 0.45 : 0.30;
      pub.stream().limit(2).forEach(w -> reasons.add("-" + w));
    }
    if (otherKinds > 0) {
      score += 0.10 * Math.min(2, otherKinds);
      reasons.add("with " + otherKinds + " other kind(s) of personal data");
    }
    score = Math.max(0.0, Math.min(1.0, score));
    String detail = c.note() + (reasons.isEmpty() ? "" : "; context " + String.join(" ", reasons))
        + (privateContext ? "; private context" : "");
    return new Finding(c.kind(), c.start(), c.end(), c.value(), c.masked(), score, privateContext, detail);
  }

  private static String firstIn(List<String> words, String before, String after) {
    for (String w : words) {
      if (before.contains(w) || after.contains(w)) {
        return w;
      }
    }
    return null;
  }

  private static List<String> allIn(List<String> words, String before, String after) {
    List<String> found = new ArrayList<>();
    for (String w : words) {
      if (before.contains(w) || after.contains(w)) {
        found.add(w);
      }
    }
    return found;
  }
}
