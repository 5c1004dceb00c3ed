package io.qinglang.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled sentence template of the generator's grammar. Syntax (see {@code generator/README.md}
 * under the resources):
 * <ul>
 *   <li>{@code {name}}: a slot of the grammar (one of its values, itself a template) or a built-in
 *       value such as {@code {ent}} or {@code {mobile}};</li>
 *   <li>{@code {name?}} / {@code {name?30}}: the same, included with probability 50% / 30%;</li>
 *   <li>{@code {num:3-20}}: a whole number in the range; {@code {dec:1-9}}: one decimal;</li>
 *   <li>{@code [a|b|c]}: one of the alternatives (which may be empty and may nest);</li>
 *   <li>{@code \n}: a line break; a backslash before any other character makes it literal.</li>
 * </ul>
 * Templates are parsed once when the grammar loads; expanding one is a walk over this tree with no
 * string parsing.
 */
public abstract class Template {
  /** Appends one realisation to {@code out}. */
  abstract void expand(Expansion x, StringBuilder out);

  /** Visits every reference below this node (for linking and validation). */
  abstract void references(List<Ref> into);

  /** The text of the template. */
  public abstract String source();

  /** Parses {@code text}; throws IllegalArgumentException naming the problem. */
  public static Template parse(String text) {
    Parser p = new Parser(text);
    Template t = p.sequence(false);
    if (p.pos < text.length()) {
      throw new IllegalArgumentException("unexpected '" + text.charAt(p.pos) + "' at " + p.pos + " in: " + text);
    }
    return t;
  }

  static final class Lit extends Template {
    final String text;

    Lit(String text) {
      this.text = text;
    }

    @Override
    void expand(Expansion x, StringBuilder out) {
      out.append(text);
    }

    @Override
    void references(List<Ref> into) {}

    @Override
    public String source() {
      return text;
    }
  }

  static final class Seq extends Template {
    final Template[] parts;

    Seq(Template[] parts) {
      this.parts = parts;
    }

    @Override
    void expand(Expansion x, StringBuilder out) {
      for (Template t : parts) {
        t.expand(x, out);
      }
    }

    @Override
    void references(List<Ref> into) {
      for (Template t : parts) {
        t.references(into);
      }
    }

    @Override
    public String source() {
      StringBuilder b = new StringBuilder();
      for (Template t : parts) {
        b.append(t.source());
      }
      return b.toString();
    }
  }

  static final class Alt extends Template {
    final Template[] options;

    Alt(Template[] options) {
      this.options = options;
    }

    @Override
    void expand(Expansion x, StringBuilder out) {
      options[x.rng().nextInt(options.length)].expand(x, out);
    }

    @Override
    void references(List<Ref> into) {
      for (Template t : options) {
        t.references(into);
      }
    }

    @Override
    public String source() {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < options.length; i++) {
        b.append(i == 0 ? "" : "|").append(options[i].source());
      }
      return b.append(']').toString();
    }
  }

  /** A reference to a slot or a built-in value; resolved when the grammar is linked. */
  static final class Ref extends Template {
    final String name;
    final int percent;
    final int lo;
    final int hi;
    Slot slot;
    Builtin builtin;
    /** Industry-specific variants ({@code name.<industry>}), indexed by industry number; null when none. */
    Slot[] byIndustry;

    Ref(String name, int percent, int lo, int hi) {
      this.name = name;
      this.percent = percent;
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    void expand(Expansion x, StringBuilder out) {
      if (percent < 100 && x.rng().nextInt(100) >= percent) {
        return;
      }
      if (builtin != null) {
        x.builtin(builtin, lo, hi, out);
        return;
      }
      boolean bound = slot != null ? slot.bind() : byIndustry != null && firstBound(byIndustry);
      if (bound && x.appendBound(name, out)) {
        return;
      }
      Slot s = slot;
      if (byIndustry != null) {
        Slot specific = byIndustry[x.industry()];
        if (specific != null && (s == null || x.rng().nextInt(4) != 0)) {
          s = specific;
        }
      }
      if (!bound) {
        x.pick(s, out);
        return;
      }
      int at = out.length();
      x.pick(s, out);
      x.bind(name, out.substring(at));
    }

    private static boolean firstBound(Slot[] slots) {
      for (Slot s : slots) {
        if (s != null) {
          return s.bind();
        }
      }
      return false;
    }

    @Override
    void references(List<Ref> into) {
      into.add(this);
    }

    @Override
    public String source() {
      String opt = percent == 100 ? "" : percent == 50 ? "?" : "?" + percent;
      String range = builtin == Builtin.NUM || builtin == Builtin.DEC ? ":" + lo + "-" + hi : "";
      return "{" + name + range + opt + "}";
    }
  }

  private static final class Parser {
    final String text;
    int pos;

    Parser(String text) {
      this.text = text;
    }

    /** Parses until the end, or (inside brackets) until '|' or ']'. */
    Template sequence(boolean inAlt) {
      List<Template> parts = new ArrayList<>();
      StringBuilder lit = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (inAlt && (c == '|' || c == ']')) {
          break;
        }
        if (c == '\\') {
          if (pos + 1 >= text.length()) {
            throw new IllegalArgumentException("a backslash ends the template: " + text);
          }
          char next = text.charAt(pos + 1);
          lit.append(next == 'n' ? '\n' : next);
          pos += 2;
        } else if (c == '{') {
          flush(lit, parts);
          parts.add(ref());
        } else if (c == '[') {
          flush(lit, parts);
          parts.add(alt());
        } else if (c == '}' || c == ']' || c == '|') {
          throw new IllegalArgumentException("unbalanced '" + c + "' at " + pos + " in: " + text);
        } else {
          lit.append(c);
          pos++;
        }
      }
      flush(lit, parts);
      if (parts.isEmpty()) {
        return new Lit("");
      }
      return parts.size() == 1 ? parts.get(0) : new Seq(parts.toArray(new Template[0]));
    }

    Template alt() {
      pos++; // [
      List<Template> options = new ArrayList<>();
      while (true) {
        options.add(sequence(true));
        if (pos >= text.length()) {
          throw new IllegalArgumentException("'[' without ']' in: " + text);
        }
        char c = text.charAt(pos++);
        if (c == ']') {
          break;
        }
      }
      return new Alt(options.toArray(new Template[0]));
    }

    Template ref() {
      int close = text.indexOf('}', pos);
      if (close < 0) {
        throw new IllegalArgumentException("'{' without '}' in: " + text);
      }
      String body = text.substring(pos + 1, close).trim();
      pos = close + 1;
      int percent = 100;
      int q = body.indexOf('?');
      if (q >= 0) {
        String p = body.substring(q + 1);
        percent = p.isEmpty() ? 50 : Integer.parseInt(p);
        if (percent < 1 || percent > 99) {
          throw new IllegalArgumentException("optional percentage must be 1..99 in {" + body + "}");
        }
        body = body.substring(0, q);
      }
      int lo = 0;
      int hi = 0;
      int colon = body.indexOf(':');
      if (colon >= 0) {
        String range = body.substring(colon + 1);
        int dash = range.indexOf('-');
        if (dash <= 0) {
          throw new IllegalArgumentException("range must be A-B in {" + body + "}");
        }
        lo = Integer.parseInt(range.substring(0, dash).trim());
        hi = Integer.parseInt(range.substring(dash + 1).trim());
        if (hi < lo) {
          throw new IllegalArgumentException("empty range in {" + body + "}");
        }
        body = body.substring(0, colon);
      }
      if (body.isEmpty()) {
        throw new IllegalArgumentException("empty reference {} in: " + text);
      }
      return new Ref(body, percent, lo, hi);
    }

    static void flush(StringBuilder lit, List<Template> parts) {
      if (lit.length() > 0) {
        parts.add(new Lit(lit.toString()));
        lit.setLength(0);
      }
    }
  }
}
