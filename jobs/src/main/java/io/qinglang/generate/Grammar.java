package io.qinglang.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The generator's grammar: slots, forms, industries and data tables read from the resource files
 * under {@code qinglang/generator/} (listed in {@code index.txt}). Loaded once per JVM, immutable
 * afterwards and shared by every task; nothing of it is serialized.
 *
 * <p>File syntax (one directive or value per line; blank lines and lines starting with {@code //}
 * are ignored):
 * <pre>
 * &#64;slot NAME [shared] [literal] [bind]  values follow, one template per line (literal: plain text;
 *                                bind: one value per post, and its industry variants too)
 * &#64;form ID cat=N shape=S [kind=K] [split=heldout] [w=N] [persona=P] [platforms=a,b] [fin=T] [campaign] [fan]
 *   title: TEMPLATE / body: TEMPLATE (or a bare line) / name: TEMPLATE / query: TEMPLATE
 * &#64;industry KEY                label:, name:, match: lines ('|'-separated words)
 * &#64;data NAME                   raw lines for Java code (no template syntax)
 * </pre>
 */
public final class Grammar {
  public static final String DIR = "qinglang/generator/";
  private static volatile Grammar shared;

  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private final List<Form> forms = new ArrayList<>();
  private final Map<String, Form> formsById = new HashMap<>();
  private final List<Industry> industries = new ArrayList<>();
  private final Map<String, Integer> industryIndex = new HashMap<>();
  private final Map<String, List<String>> data = new LinkedHashMap<>();
  private final Map<String, Selection> selections = new HashMap<>();
  private final java.security.MessageDigest digest = sha256();
  private String fingerprint;

  /** An industry: its key, display label, words used in invented company names and match words. */
  public record Industry(int index, String key, String label, List<String> nameWords, List<String> match) {}

  /** The grammar bundled with Qinglang, loaded on first use. */
  public static Grammar get() {
    Grammar g = shared;
    if (g == null) {
      synchronized (Grammar.class) {
        g = shared;
        if (g == null) {
          g = loadBundled();
          shared = g;
        }
      }
    }
    return g;
  }

  private static Grammar loadBundled() {
    ClassLoader cl = Grammar.class.getClassLoader();
    List<String> files = new ArrayList<>();
    try (InputStream in = cl.getResourceAsStream(DIR + "index.txt")) {
      if (in == null) {
        throw new IllegalStateException("generator grammar index " + DIR + "index.txt is missing from the classpath");
      }
      for (String line : lines(in)) {
        String l = line.trim();
        if (!l.isEmpty() && !l.startsWith("//")) {
          files.add(l);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Grammar g = new Grammar();
    for (String f : files) {
      try (InputStream in = cl.getResourceAsStream(DIR + f)) {
        if (in == null) {
          throw new IllegalStateException("generator grammar file " + DIR + f + " (named in index.txt) is missing");
        }
        g.read(f, lines(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    g.link();
    return g;
  }

  /** A grammar from in-memory files (name to lines), for tests. */
  static Grammar of(Map<String, List<String>> files) {
    Grammar g = new Grammar();
    files.forEach(g::read);
    g.link();
    return g;
  }

  private static List<String> lines(InputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String l;
      while ((l = r.readLine()) != null) {
        out.add(l);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- reading

  private final class FormBuilder {
    final String file;
    final int line;
    final String id;
    int category = -1;
    String kind;
    Form.Shape shape;
    boolean heldout;
    int weight = 1;
    Form.Persona persona = Form.Persona.USER;
    List<String> platforms = List.of();
    Form.FinType fin;
    boolean campaign;
    boolean fan;
    final List<Template> titles = new ArrayList<>();
    final List<Template> bodies = new ArrayList<>();
    final List<Template> names = new ArrayList<>();
    final List<Template> queries = new ArrayList<>();

    FormBuilder(String file, int line, String id) {
      this.file = file;
      this.line = line;
      this.id = id;
    }

    Form build() {
      String where = file + ":" + line + ": form " + id + ": ";
      if (category < 0 || category > 10) {
        throw new IllegalArgumentException(where + "cat=0..10 is required");
      }
      if (shape == null) {
        throw new IllegalArgumentException(where + "shape= is required");
      }
      if (kind == null) {
        kind = category == 0 ? null : "viol";
      }
      if (kind == null || (category == 0 && !kind.startsWith("neg.") && !kind.startsWith("ord."))) {
        throw new IllegalArgumentException(where + "a category-0 form needs kind=neg.* or kind=ord.*");
      }
      if (bodies.isEmpty() && shape != Form.Shape.FIN) {
        throw new IllegalArgumentException(where + "has no body lines");
      }
      if ((shape == Form.Shape.LONG || shape == Form.Shape.APP || shape == Form.Shape.FIN) && titles.isEmpty()) {
        throw new IllegalArgumentException(where + "shape " + shape + " needs title: lines");
      }
      if (shape == Form.Shape.ACCOUNT && names.isEmpty()) {
        throw new IllegalArgumentException(where + "shape account needs name: lines");
      }
      if (shape == Form.Shape.FIN && fin == null) {
        throw new IllegalArgumentException(where + "shape fin needs fin=TYPE");
      }
      if (fin != null && shape != Form.Shape.FIN) {
        throw new IllegalArgumentException(where + "fin= only applies to shape=fin");
      }
      if (fin != null && fin.distorted() != (category == 5)) {
        throw new IllegalArgumentException(where + "distorting fin forms are category 5, faithful ones category 0");
      }
      return new Form(id, category, kind, shape, heldout, weight, persona, platforms, fin, campaign, fan,
          List.copyOf(titles), List.copyOf(bodies), List.copyOf(names), List.copyOf(queries));
    }
  }

  private static java.security.MessageDigest sha256() {
    try {
      return java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 of the grammar files: a corpus records which grammar made it. */
  public String fingerprint() {
    return fingerprint;
  }

  private void read(String file, List<String> lines) {
    digest.update((file + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    Slot slot = null;
    FormBuilder form = null;
    Map<String, String> industry = null;
    List<String> dataLines = null;
    boolean literal = false;
    int lineNo = 0;
    for (String raw : lines) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("//")) {
        continue;
      }
      String where = file + ":" + lineNo + ": ";
      try {
        if (isDirective(line)) {
          if (form != null) {
            addForm(form.build());
            form = null;
          }
          if (industry != null) {
            addIndustry(industry, where);
            industry = null;
          }
          slot = null;
          dataLines = null;
          String[] words = line.substring(1).trim().split("\\s+");
          switch (words[0]) {
            case "slot" -> {
              need(words.length >= 2, "@slot needs a name");
              List<String> flags = List.of(words).subList(2, words.length);
              for (String fl : flags) {
                need(fl.equals("shared") || fl.equals("literal") || fl.equals("bind"), "unknown slot flag " + fl);
              }
              boolean isShared = flags.contains("shared");
              slot = slots.computeIfAbsent(words[1], n -> new Slot(n, isShared));
              literal = flags.contains("literal");
              if (flags.contains("bind")) {
                slot.setBind(true);
              }
            }
            case "form" -> {
              need(words.length >= 2, "@form needs an id");
              form = new FormBuilder(file, lineNo, words[1]);
              for (int i = 2; i < words.length; i++) {
                formAttribute(form, words[i]);
              }
            }
            case "industry" -> {
              need(words.length == 2, "@industry needs one key");
              industry = new LinkedHashMap<>();
              industry.put("key", words[1]);
            }
            case "data" -> {
              need(words.length == 2, "@data needs one name");
              dataLines = data.computeIfAbsent(words[1], n -> new ArrayList<>());
            }
            default -> throw new IllegalArgumentException("unknown directive @" + words[0]);
          }
        } else if (slot != null) {
          slot.add(line, literal ? new Template.Lit(line) : Template.parse(line));
        } else if (form != null) {
          formLine(form, line);
        } else if (industry != null) {
          int colon = line.indexOf(':');
          need(colon > 0, "industry lines are key: value");
          industry.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        } else if (dataLines != null) {
          dataLines.add(line);
        } else {
          throw new IllegalArgumentException("a value outside any @slot, @form, @industry or @data");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage().startsWith(file) ? e.getMessage() : where + e.getMessage(), e);
      }
    }
    if (form != null) {
      addForm(form.build());
    }
    if (industry != null) {
      addIndustry(industry, file + ": ");
    }
  }

  /** A directive line: @slot, @form, @industry or @data (other lines starting with @ are text, e.g. mentions). */
  private static boolean isDirective(String line) {
    for (String d : new String[] {"@slot", "@form", "@industry", "@data"}) {
      if (line.startsWith(d) && (line.length() == d.length() || Character.isWhitespace(line.charAt(d.length())))) {
        return true;
      }
    }
    return false;
  }

  private static void need(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  private static void formAttribute(FormBuilder f, String word) {
    int eq = word.indexOf('=');
    String key = eq < 0 ? word : word.substring(0, eq);
    String value = eq < 0 ? "" : word.substring(eq + 1);
    switch (key) {
      case "cat" -> f.category = Integer.parseInt(value);
      case "kind" -> f.kind = value;
      case "shape" -> f.shape = Form.Shape.parse(value);
      case "split" -> {
        need(value.equals("heldout") || value.equals("train"), "split must be train or heldout");
        f.heldout = value.equals("heldout");
      }
      case "w" -> f.weight = Integer.parseInt(value);
      case "persona" -> f.persona = Form.Persona.parse(value);
      case "platforms" -> f.platforms = List.of(value.split(","));
      case "fin" -> f.fin = Form.FinType.parse(value);
      case "campaign" -> f.campaign = true;
      case "fan" -> f.fan = true;
      default -> throw new IllegalArgumentException("unknown form attribute '" + word + "'");
    }
  }

  private static void formLine(FormBuilder f, String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    if (lower.startsWith("title:")) {
      f.titles.add(Template.parse(line.substring(6).strip()));
    } else if (lower.startsWith("body:")) {
      f.bodies.add(Template.parse(line.substring(5).strip()));
    } else if (lower.startsWith("name:")) {
      f.names.add(Template.parse(line.substring(5).strip()));
    } else if (lower.startsWith("query:")) {
      f.queries.add(Template.parse(line.substring(6).strip()));
    } else {
      f.bodies.add(Template.parse(line));
    }
  }

  private void addForm(Form f) {
    if (formsById.putIfAbsent(f.id(), f) != null) {
      throw new IllegalArgumentException("form id " + f.id() + " is defined twice");
    }
    forms.add(f);
  }

  private void addIndustry(Map<String, String> m, String where) {
    String key = m.get("key");
    if (industryIndex.containsKey(key)) {
      throw new IllegalArgumentException(where + "industry " + key + " is defined twice");
    }
    String label = m.getOrDefault("label", key);
    List<String> names = words(m.getOrDefault("name", label));
    List<String> match = words(m.getOrDefault("match", label));
    Industry ind = new Industry(industries.size(), key, label, names, match);
    industryIndex.put(key, ind.index());
    industries.add(ind);
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.split("\\|")) {
      if (!w.isBlank()) {
        out.add(w.strip());
      }
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------- linking

  private void link() {
    fingerprint = java.util.HexFormat.of().formatHex(digest.digest());
    if (industries.isEmpty()) {
      throw new IllegalArgumentException("the grammar defines no @industry");
    }
    for (Slot s : slots.values()) {
      int dot = s.name().indexOf('.');
      if (dot > 0 && slots.containsKey(s.name().substring(0, dot)) && slots.get(s.name().substring(0, dot)).bind()) {
        s.setBind(true);
      }
    }
    for (Slot s : slots.values()) {
      s.freeze();
      for (Template t : s.values()) {
        linkTemplate(t, "slot " + s.name());
      }
    }
    for (Form f : forms) {
      for (List<Template> ts : List.of(f.titles(), f.bodies(), f.names(), f.queries())) {
        for (Template t : ts) {
          linkTemplate(t, "form " + f.id());
        }
      }
    }
  }

  private void linkTemplate(Template t, String owner) {
    List<Template.Ref> refs = new ArrayList<>();
    t.references(refs);
    for (Template.Ref r : refs) {
      Builtin b = Builtin.byName(r.name);
      if (b != null) {
        if ((b == Builtin.NUM || b == Builtin.DEC) && r.hi == 0) {
          throw new IllegalArgumentException(owner + ": {" + r.name + "} needs a range, e.g. {num:1-9}");
        }
        r.builtin = b;
        continue;
      }
      r.slot = slots.get(r.name);
      Slot[] specific = new Slot[industries.size()];
      boolean any = false;
      boolean all = true;
      for (Industry ind : industries) {
        Slot s = slots.get(r.name + "." + ind.key());
        specific[ind.index()] = s;
        any |= s != null;
        all &= s != null;
      }
      if (any) {
        r.byIndustry = specific;
      }
      if (r.slot == null && !any) {
        throw new IllegalArgumentException(owner + ": {" + r.name + "} is neither a slot nor a built-in");
      }
      if (r.slot == null && !all) {
        throw new IllegalArgumentException(owner + ": {" + r.name + "} has industry variants but no generic @slot "
            + r.name + " for the industries without one");
      }
      if (r.slot != null && r.slot.size() == 0) {
        throw new IllegalArgumentException(owner + ": slot " + r.name + " has no values");
      }
    }
  }

  // ---------------------------------------------------------------- selection

  /** Forms chosen by weight among those a predicate accepts and the split allows. */
  static final class Selection {
    final Form[] forms;
    final long[] cumulative;

    Selection(List<Form> chosen) {
      forms = chosen.toArray(new Form[0]);
      cumulative = new long[forms.length];
      long sum = 0;
      for (int i = 0; i < forms.length; i++) {
        sum += forms[i].weight();
        cumulative[i] = sum;
      }
    }

    boolean isEmpty() {
      return forms.length == 0;
    }

    Form pick(SplittableRandom rng) {
      long r = rng.nextLong(cumulative[cumulative.length - 1]);
      int lo = 0;
      int hi = cumulative.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] > r) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return forms[lo];
    }
  }

  /** The forms of a named group under a split; groups are defined in {@link #groupFilter}. */
  Selection selection(String group, FormSplit mode) {
    String key = group + "/" + mode;
    Selection s = selections.get(key);
    if (s == null) {
      synchronized (selections) {
        s = selections.get(key);
        if (s == null) {
          Predicate<Form> p = groupFilter(group);
          List<Form> chosen = new ArrayList<>();
          for (Form f : forms) {
            boolean allowed = mode == FormSplit.ALL || f.heldout() == (mode == FormSplit.HELDOUT);
            if (allowed && p.test(f)) {
              chosen.add(f);
            }
          }
          s = new Selection(chosen);
          selections.put(key, s);
        }
      }
    }
    return s;
  }

  /**
   * Groups: {@code cat:N} (category N's single posts: not campaign or fan forms), {@code neg} (hard
   * negatives), {@code ord} (ordinary posts), {@code campaign}, {@code fan}, {@code kind:K}.
   */
  static Predicate<Form> groupFilter(String group) {
    if (group.startsWith("cat:")) {
      int cat = Integer.parseInt(group.substring(4));
      return f -> f.category() == cat && !f.campaign() && !f.fan() && (cat != 0 || f.kind().startsWith("ord."));
    }
    if (group.startsWith("kind:")) {
      String kind = group.substring(5);
      return f -> f.kind().equals(kind) && !f.fan();
    }
    return switch (group) {
      case "neg" -> f -> f.hardNegative() && !f.fan();
      case "ord" -> f -> f.category() == 0 && f.kind().startsWith("ord.");
      case "campaign" -> Form::campaign;
      case "fan" -> Form::fan;
      default -> throw new IllegalArgumentException("unknown form group " + group);
    };
  }

  // ---------------------------------------------------------------- access

  public Slot slot(String name) {
    Slot s = slots.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no slot " + name);
    }
    return s;
  }

  public boolean hasSlot(String name) {
    return slots.containsKey(name);
  }

  public Map<String, Slot> slots() {
    return Collections.unmodifiableMap(slots);
  }

  public List<Form> forms() {
    return Collections.unmodifiableList(forms);
  }

  public Form form(String id) {
    return formsById.get(id);
  }

  public List<Industry> industries() {
    return Collections.unmodifiableList(industries);
  }

  public Industry industry(int index) {
    return industries.get(index);
  }

  /** The industry whose match words occur in {@code text} (a registry industry such as 白酒), or -1. */
  public int matchIndustry(String text) {
    if (text == null || text.isBlank()) {
      return -1;
    }
    int best = -1;
    int bestLen = 0;
    for (Industry ind : industries) {
      for (String m : ind.match()) {
        if (m.length() > bestLen && text.contains(m)) {
          best = ind.index();
          bestLen = m.length();
        }
      }
    }
    return best;
  }

  /** Raw lines of a {@code @data} table. */
  public List<String> data(String name) {
    List<String> d = data.get(name);
    if (d == null) {
      throw new IllegalArgumentException("no @data " + name + " in the generator grammar");
    }
    return d;
  }
}
