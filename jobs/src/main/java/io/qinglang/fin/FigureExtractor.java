package io.qinglang.fin;

import io.qinglang.fin.Figure.Basis;
import io.qinglang.fin.Figure.State;
import io.qinglang.fin.FinLexicon.DirWord;
import io.qinglang.fin.FinLexicon.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the figures of financial-results text: amounts with units (亿元, 万元, 元), percentages and
 * ranges (增长10%-20%), Chinese proportions (三成, 近半, 翻番, 两倍), percentage points, direction
 * words (增长, 下滑, 暴跌, 扭亏, 由盈转亏), hedges (约, 近, 超, 不足, 左右), periods (Q1, 一季度, 上半年,
 * 前三季度, 2023年, 全年) and the metric each figure belongs to.
 *
 * <p>The text is scanned once into tokens; a small state machine attaches numbers to the direction
 * word before them in the same clause and to the nearest metric before them in the same sentence.
 * Full-width digits and signs are read as half-width; offsets refer to the text as given.
 * Stateless and thread-safe.
 */
public final class FigureExtractor {
  /** Headlines and bodies differ in one respect: a bare 收入 after a name is the total in a headline. */
  public enum Mode { HEADLINE, BODY }

  private static final String NUM = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
  private static final String UNIT = "(?:(?:万亿|亿|千万|百万|万)(?:元|美元|港元|港币|欧元|日元|人民币)?|元|美元|港元|港币|欧元)";
  private static final String RANGE_SEP = "(?:-|~|—{1,2}|–|至|到)";
  private static final String CN_DIGIT = "[一二两三四五六七八九]";

  private static final Pattern MASTER = Pattern.compile(String.join("|",
      "(?<sent>[。!?\\n【】#…‼⁉])",
      "(?<clause>[,:;\\s\\p{So}])",
      "(?<yearcode>(?<![0-9])(?:19|20)?\\d{2}\\s*(?:[Qq][1-4]|[Hh][12])(?![0-9]))",
      "(?<year>(?<![0-9])(?:19|20)\\d{2}(?:\\s*(?:年度|财年|年(?!报))|(?=\\s*年报)))",
      "(?<pctrange>[-+]?" + NUM + "\\s*%?\\s*" + RANGE_SEP + "\\s*[-+]?" + NUM + "\\s*%)",
      "(?<pct>[-+]?" + NUM + "\\s*%)",
      "(?<points>[-+]?" + NUM + "\\s*(?:个多?百分点|个多?点|pct|pp)(?![a-z]))",
      "(?<amtrange>[-+]?" + NUM + "\\s*" + UNIT + "?\\s*" + RANGE_SEP + "\\s*[-+]?" + NUM + "\\s*" + UNIT + ")",
      "(?<amount>[-+]?" + NUM + "\\s*" + UNIT + ")",
      "(?<cnamount>[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千点]*个?(?:万亿|亿|千万|百万)(?:元|美元|港元)?"
          + "|[零〇一二两三四五六七八九十百千]+万元)",
      "(?<mult>(?:" + NUM + "|[一二两三四五六七八九十几数]+)\\s*倍多?)",
      "(?<cnfracrange>" + CN_DIGIT + "(?:到|至|-|~)(?:" + CN_DIGIT + "|十)成)",
      "(?<cnfrac>(?:" + CN_DIGIT + "|十|(?<![0-9.])[1-9])成多?(?!本|交|员|为|立|功|果|绩|品))",
      "(?<half>近半|过半|一半|大半|半数)",
      "(?<cnpct>百分之[零〇一二两三四五六七八九十百点]+)",
      "(?<refperiod>上年同期|去年同期|上年度同期|上一年度|上年度|上年|上期|上一季度|上季度|前一年)",
      "(?<compare>与上年同期相比|与去年同期相比|较上年同期|较去年同期|比上年同期|比去年同期|较上年|较去年|比上年|比去年"
          + "|同比|环比|按年|按季|[Yy][Oo][Yy]|[Qq][Oo][Qq])",
      "(?<period>前(?:\\d{1,2}|[一二三四五六七八九十]{1,2})个?月|单季度|单季|"
          + FinLexicon.alternation(new ArrayList<>(FinLexicon.PERIOD_CODES.keySet())) + ")",
      "(?<qcode>(?<![0-9A-Za-z])[Qq][1-4](?![0-9]))",
      "(?<dir>" + FinLexicon.alternation(new ArrayList<>(FinLexicon.DIRECTIONS.keySet()))
          + "|[增升涨降跌减亏](?=\\s*(?:[-+]?\\d|超|逾|近|约|了|" + CN_DIGIT + "成|十成|百分之|翻|[一二两三四五六七八九十几数]+倍|过半|近半|一半)))",
      "(?<metric>" + FinLexicon.alternation(new ArrayList<>(FinLexicon.METRICS.keySet())) + ")",
      "(?<adverb>大幅度|大幅|显著|明显|大大|急剧|小幅|略有|略微|稍有|微幅)",
      "(?<hedge>" + FinLexicon.alternation(new ArrayList<>(FinLexicon.HEDGES_BEFORE.keySet())) + ")",
      "(?<negation>没有|并未|并非|并不|不是|不会|不算|不存在|否认|谈不上|没|未(?!来)|不(?!断|足|到|少|过|久|仅|再|同|一|及)|无(?!望|法))",
      "(?<ref>相比|相较|较(?!大|快|好|多|少|为|高|低|强|弱|差|长|短|早|晚)|由(?!于|此)|从(?!而|事|业|来))"));

  private static final String[] GROUPS = {"sent", "clause", "yearcode", "year", "pctrange", "pct", "points",
      "amtrange", "amount", "cnamount", "mult", "cnfracrange", "cnfrac", "half", "cnpct", "refperiod", "compare",
      "period", "qcode", "dir", "metric", "adverb", "hedge", "negation", "ref"};

  private static final Pattern TREND = FinLexicon.anyOf(FinLexicon.TRENDS);
  // change nouns after a percentage (62.4%的跌幅, 30%的增长): they make the number a change
  private static final String[] CHANGE_NOUNS_DOWN = {"的跌幅", "的降幅", "的减幅", "的下滑", "的下降", "的下跌", "的回落"};
  private static final String[] CHANGE_NOUNS_UP = {"的涨幅", "的增幅", "的增长", "的上涨", "的提升"};
  private static final String COUNT_UNITS = "辆台人户吨个家次股件套片部位名只头份条张本篇座间所款";
  private static final String SEGMENT_STOP = "的为了年度季期月司现入总部营而且但其均和与及、共计累得按把将使等们元亿万是在中";
  private static final Pattern SEGMENT_QUALIFIER = Pattern.compile(
      "(?:业务|板块|产品|服务|海外|境外|国外|国内|境内|线上|线下|门店|渠道|分部|子公司|贸易|出口|外销|内销|广告|课程"
          + "|会员|订阅|租赁|利息|手续费|佣金|投资|其他|主业|单品|品牌|类)$");

  private FigureExtractor() {}

  /** The figures of a body text. */
  public static List<Figure> extract(String text) {
    return extract(text, Mode.BODY);
  }

  public static List<Figure> extract(String text, Mode mode) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return new Scan(text, mode).run();
  }

  /** One pass over one text. */
  private static final class Scan {
    final String original;
    final String norm;
    final Mode mode;
    final List<Figure> out = new ArrayList<>();
    final List<int[]> trendSpans = new ArrayList<>();

    // sentence state
    Metric metric;
    String metricText;
    int metricStart = -1;
    Period period;
    /** The period of the first figure: the one the text reports. Earlier years last one clause. */
    Period mainPeriod;
    int lastYearEnd = -10;
    Integer lastYear;
    boolean revenueSeen;
    final List<Metric> clauseMetrics = new ArrayList<>();
    // clause state
    int clauseStart;
    DirWord dir;
    int dirStart;
    int dirEnd;
    boolean dirConsumed;
    boolean lossInClause;
    int adverb;
    Hedge hedge = Hedge.NONE;
    int hedgeEnd = -10;
    boolean prior;
    Basis basis;
    int negEnd = -10;
    // end of a change noun already read with the percentage before it (62.4%的跌幅)
    int changeNounEnd = -10;
    int lastNumberEnd = -10;

    Scan(String text, Mode mode) {
      this.original = text;
      this.norm = FinText.normalize(text);
      this.mode = mode;
      Matcher t = TREND.matcher(norm);
      while (t.find()) {
        trendSpans.add(new int[] {t.start(), t.end()});
      }
    }

    List<Figure> run() {
      Matcher m = MASTER.matcher(norm);
      while (m.find()) {
        String group = null;
        for (String g : GROUPS) {
          if (m.start(g) >= 0) {
            group = g;
            break;
          }
        }
        if (group == null) {
          continue;
        }
        int s = m.start();
        int e = m.end();
        String tok = m.group();
        switch (group) {
          case "sent" -> {
            endClause(s);
            metric = null;
            metricText = null;
            metricStart = -1;
          }
          case "clause" -> endClause(s);
          case "yearcode" -> onYearCode(tok);
          case "year" -> {
            lastYear = Integer.parseInt(tok.replaceAll("[^0-9]", "").substring(0, 4));
            lastYearEnd = e;
            setPeriod(new Period(lastYear, Period.FY, false));
          }
          case "period" -> onPeriod(tok, s);
          case "qcode" -> onCode("Q" + tok.charAt(1), s);
          case "refperiod" -> prior = true;
          case "compare" -> {
            basis = tok.contains("环") || tok.equals("按季") || tok.equalsIgnoreCase("qoq") ? Basis.QOQ : Basis.YOY;
            prior = e < norm.length() && norm.charAt(e) == '的';
          }
          case "ref" -> prior = true;
          case "hedge" -> {
            hedge = FinLexicon.HEDGES_BEFORE.get(tok);
            hedgeEnd = e;
          }
          case "negation" -> negEnd = e;
          case "adverb" -> adverb = tok.startsWith("小") || tok.startsWith("略") || tok.startsWith("稍")
              || tok.startsWith("微") ? -1 : 1;
          case "metric" -> onMetric(tok, s, e);
          case "dir" -> onDirection(tok, s, e);
          default -> onNumber(group, tok, s, e);
        }
      }
      endClause(norm.length());
      return out;
    }

    // ----- periods

    void onYearCode(String tok) {
      String digits = tok.replaceAll("[^0-9]", "");
      String yy = digits.substring(0, digits.length() - 1);
      int year = yy.length() == 2 ? 2000 + Integer.parseInt(yy) : Integer.parseInt(yy);
      char kind = Character.toUpperCase(tok.replaceAll("[0-9\\s]", "").charAt(0));
      char n = digits.charAt(digits.length() - 1);
      setPeriod(new Period(year, kind == 'Q' ? "Q" + n : "H" + n, false));
      lastYear = year;
    }

    void onPeriod(String tok, int start) {
      if (tok.startsWith("单季")) {
        if (period != null) {
          setPeriod(new Period(period.year(), period.code(), true));
        }
        return;
      }
      String code;
      if (tok.startsWith("前") && tok.endsWith("月")) {
        String n = tok.substring(1).replace("个", "").replace("月", "");
        Double months = ChineseNumerals.parse(n);
        code = months == null ? Period.FY : months >= 12 ? Period.FY : "M" + months.intValue();
      } else {
        code = FinLexicon.PERIOD_CODES.get(tok);
      }
      if (tok.equals("去年") || tok.equals("今年")) {
        setPeriod(new Period(null, Period.FY, false));
        return;
      }
      onCode(code, start);
    }

    void onCode(String code, int start) {
      Integer year = start - lastYearEnd <= 2 ? lastYear : period != null ? period.year() : lastYear;
      setPeriod(new Period(year, code, false));
    }

    void setPeriod(Period p) {
      period = p;
    }

    /** A year before the reported one: 2022年 in a report on 2023. */
    boolean historic(Period p) {
      return mainPeriod != null && mainPeriod.year() != null && p.year() != null && p.year() < mainPeriod.year();
    }

    // ----- metrics and directions

    void onMetric(String tok, int s, int e) {
      if (dir != null && !dirConsumed && dir.kind() != Kind.RATE) {
        emitDirectionOnly();
      }
      Metric m = FinLexicon.METRICS.get(tok);
      String text = tok;
      int start = s;
      if (m == Metric.REVENUE && isSegmentWord(tok)
          && (mode == Mode.BODY || revenueSeen)) {
        // a body's 海外业务收入; a headline's second revenue word (营收48.5亿元 跨境支付收入增长58%)
        int back = segmentStart(s, tok, mode == Mode.HEADLINE);
        if (back >= 0) {
          m = Metric.SEGMENT_REVENUE;
          start = back;
          text = original.substring(back, e);
        }
      }
      if (m == Metric.REVENUE) {
        revenueSeen = true;
      }
      metric = m;
      metricText = text;
      metricStart = start;
      clauseMetrics.add(m);
      if (tok.equals("盈利") && atClauseEnd(e)) {
        // 连续两个季度盈利, 依然盈利: a profit stated
        emit(Metric.NET_PROFIT, Direction.NONE, null, null, null, null, null, null, null, null, State.PROFIT, 0,
            Hedge.NONE, s, e);
      }
    }

    boolean atClauseEnd(int e) {
      int i = e;
      while (i < norm.length() && (norm.charAt(i) == '了' || norm.charAt(i) == '的')) {
        i++;
      }
      return i >= norm.length() || ",，。;；!?！？:：\n…‼ ".indexOf(norm.charAt(i)) >= 0
          || Character.getType(norm.codePointAt(i)) == Character.OTHER_SYMBOL || Character.isSurrogate(norm.charAt(i));
    }

    boolean isSegmentWord(String tok) {
      return tok.equals("收入") || tok.equals("营收") || tok.equals("销售额") || tok.equals("销售收入");
    }

    /** Start of a qualified revenue word (海外业务收入), or -1 when the word is the total. */
    int segmentStart(int s, String tok, boolean anyPrefix) {
      if (s == 0) {
        return -1;
      }
      char before = norm.charAt(s - 1);
      if (!(FinText.isHan(before) || Character.isLetterOrDigit(before)) || SEGMENT_STOP.indexOf(before) >= 0) {
        return -1;
      }
      int b = s;
      while (b > 0 && s - b < 10) {
        char c = norm.charAt(b - 1);
        if (!(FinText.isHan(c) || Character.isLetterOrDigit(c)) || "而的是看和及与、则但其中".indexOf(c) >= 0) {
          break;
        }
        b--;
      }
      String prefix = norm.substring(b, s);
      boolean qualified = SEGMENT_QUALIFIER.matcher(prefix).find();
      if (!tok.equals("收入") && !qualified && !anyPrefix) {
        return -1;
      }
      return b;
    }

    boolean followedBy(int e, String... words) {
      return wordAt(e, words) != null;
    }

    void onDirection(String tok, int s, int e) {
      if (s < changeNounEnd) {
        return;
      }
      DirWord w = FinLexicon.DIRECTIONS.get(tok);
      if (w == null) {
        // a single character direction word before a number: 降5.9%, 增逾16倍, 亏0.58亿
        char c = tok.charAt(0);
        w = c == '亏' ? new DirWord(Direction.NONE, 0, null, Hedge.NONE, Kind.LOSS, false)
            : DirWord.of("增升涨".indexOf(c) >= 0 ? Direction.UP : Direction.DOWN, 0);
      }
      if ((tok.equals("增长") || tok.equals("增速")) && followedBy(e, "引擎", "点", "极", "空间", "潜力", "动力", "逻辑",
          "预期", "前景", "故事", "神话", "曲线", "模式", "战略", "动能", "目标", "势头")) {
        return;
      }
      boolean negated = s - negEnd <= 2 && negEnd >= clauseStart
          || followedBy(e, "无望", "无门", "失败", "落空", "未果", "不成", "困难", "遥遥无期");
      if (negated) {
        negEnd = -10;
        if (w.kind() == Kind.LOSS || w.kind() == Kind.TURN_LOSS) {
          // 没亏, 并未亏损: still profitable
          closePending();
          emit(profitMetric(), Direction.NONE, null, null, null, null, null, null, null, null, State.PROFIT, 0,
              Hedge.NONE, s, e);
          return;
        }
        if (w.kind() == Kind.TURN_PROFIT || w.kind() == Kind.PROFIT) {
          // 扭亏无望, 没赚: still a loss
          closePending();
          emit(profitMetric(), Direction.NONE, null, null, null, null, null, null, null, null, State.LOSS, 0,
              Hedge.NONE, s, e);
          return;
        }
        if (w.kind() == Kind.CHANGE || w.kind() == Kind.RATE) {
          closePending();
          return;
        }
      }
      switch (w.kind()) {
        case NARROW, EXPAND -> {
          if (lossInClause || (dir != null && dir.kind() == Kind.LOSS)) {
            Direction d = w.kind() == Kind.NARROW ? Direction.UP : Direction.DOWN;
            DirWord merged = new DirWord(d, Math.max(adverb, 0), null, Hedge.NONE, Kind.LOSS, false);
            if (dir != null && dir.kind() == Kind.LOSS && !dirConsumed) {
              dir = merged;
              dirEnd = e;
            } else {
              replaceLastLossDirection(d, e);
            }
          } else if (w.kind() == Kind.NARROW && dir != null && dir.direction() == Direction.DOWN && !dirConsumed) {
            // 降幅收窄: still a decline, a smaller one; keep the decline
            dirEnd = e;
          }
          return;
        }
        case SLOW -> {
          // 放缓: growth went on, more slowly. A pending rate word (增速放缓至5%) still takes the next number.
          closePendingUnlessRate();
          prior = false;
          emit(metric, Direction.SLOW, null, null, null, null, null, null, null, null, null, 0, Hedge.NONE,
              dir != null && dir.kind() == Kind.RATE ? dirStart : s, e);
          if (dir == null || dir.kind() != Kind.RATE) {
            dir = null;
          }
          return;
        }
        default -> { }
      }
      if (dir != null && !dirConsumed) {
        if (dir.kind() == Kind.RATE && w.direction() == Direction.DOWN && w.kind() == Kind.CHANGE) {
          // 增速下滑 / 增速回落: growth slowed, not a decline
          dir = new DirWord(Direction.SLOW, 0, null, Hedge.NONE, Kind.SLOW, false);
          dirEnd = e;
          emitDirectionOnly();
          return;
        }
        if (dir.kind() == Kind.RATE && w.direction() == Direction.UP) {
          // 增速提升: the rate word is absorbed
          dir = null;
        } else {
          emitDirectionOnly();
        }
      }
      if (w.kind() == Kind.CHANGE || w.kind() == Kind.RATE) {
        prior = false;
      }
      if (w.kind() == Kind.LOSS || w.kind() == Kind.TURN_LOSS) {
        lossInClause = true;
      }
      int intensity = w.intensity() != 0 ? w.intensity() : adverb;
      adverb = 0;
      dir = new DirWord(w.direction(), intensity, w.value(), w.hedge(), w.kind(), w.both());
      dirStart = s;
      dirEnd = e;
      dirConsumed = false;
      if (w.value() != null) {
        // 腰斩, 翻番: the word states the size
        double v = w.direction() == Direction.DOWN ? -w.value() : w.value();
        emitChange(v, null, null, null, w.hedge(), s, e);
        dirConsumed = true;
      }
    }

    void closePending() {
      if (dir != null && !dirConsumed) {
        emitDirectionOnly();
      }
      dir = null;
    }

    void closePendingUnlessRate() {
      if (dir != null && !dirConsumed && dir.kind() != Kind.RATE) {
        emitDirectionOnly();
      }
    }

    Metric profitMetric() {
      if (metric == Metric.NET_PROFIT || metric == Metric.DEDUCTED_PROFIT || metric == Metric.OPERATING_PROFIT
          || metric == Metric.PERFORMANCE) {
        return metric;
      }
      return Metric.NET_PROFIT;
    }

    void replaceLastLossDirection(Direction d, int end) {
      for (int i = out.size() - 1; i >= 0; i--) {
        Figure f = out.get(i);
        if (f.start() < clauseStart && f.end() < clauseStart - 30) {
          break;
        }
        if (f.effectiveState() == State.LOSS) {
          out.set(i, new Figure(f.metric(), f.metricText(), d, f.pct(), f.pctLow(), f.pctHigh(), f.pctAlt(), f.amount(),
              f.amountHigh(), f.level(), f.points(), f.state() == null ? State.LOSS : f.state(), f.intensity(),
              f.hedge(), f.period(), f.basis(), f.prior(), f.trend(), f.start(), Math.max(f.end(), end),
              FinText.span(original, f.start(), Math.max(f.end(), end))));
          return;
        }
      }
    }

    // ----- numbers

    void onNumber(String group, String tok, int s, int e) {
      if (group.equals("amount") || group.equals("amtrange") || group.equals("cnamount")) {
        if (!tok.contains("元") && e < norm.length() && COUNT_UNITS.indexOf(norm.charAt(e)) >= 0) {
          return;
        }
      }
      Hedge h = Hedge.NONE;
      if (s - hedgeEnd <= 1 && hedgeEnd >= clauseStart) {
        h = hedge;
      }
      Hedge after = hedgeAfter(e);
      if (after != null) {
        h = after;
      }
      hedge = Hedge.NONE;
      hedgeEnd = -10;
      switch (group) {
        case "pct" -> percent(parseSigned(tok.replace("%", "")), hasSign(tok), null, null, h, s, e);
        case "pctrange" -> {
          String[] parts = splitRange(tok);
          double lo = parseSigned(parts[0].replace("%", ""));
          double hi = parseSigned(parts[1].replace("%", ""));
          percent((lo + hi) / 2, hasSign(parts[0]) || hasSign(parts[1]), lo, hi, h, s, e);
        }
        case "cnpct" -> {
          Double v = ChineseNumerals.parse(tok.substring(3));
          if (v != null) {
            percent(v, false, null, null, h, s, e);
          }
        }
        case "cnfrac" -> {
          Double v = ChineseNumerals.parse(tok.substring(0, tok.indexOf('成')).trim());
          if (v != null) {
            proportion(v * 10, tok.endsWith("多") ? Hedge.OVER : h, null, null, s, e);
          }
        }
        case "cnfracrange" -> {
          Double lo = ChineseNumerals.parse(tok.substring(0, 1));
          Double hi = ChineseNumerals.parse(tok.substring(2, tok.indexOf('成')));
          if (lo != null && hi != null) {
            proportion((lo + hi) * 5, h, lo * 10, hi * 10, s, e);
          }
        }
        case "half" -> proportion(50, tok.equals("近半") ? Hedge.NEAR
            : tok.equals("过半") || tok.equals("大半") ? Hedge.OVER : Hedge.ABOUT, null, null, s, e);
        case "mult" -> multiple(tok, h, s, e);
        case "points" -> pointsFigure(tok, h, s, e);
        default -> amountFigure(group, tok, h, s, e);
      }
      lastNumberEnd = e;
    }

    Hedge hedgeAfter(int e) {
      int i = e;
      while (i < norm.length() && norm.charAt(i) == ' ') {
        i++;
      }
      for (var entry : FinLexicon.HEDGES_AFTER.entrySet()) {
        if (norm.startsWith(entry.getKey(), i)) {
          if (entry.getKey().equals("多") && norm.startsWith("多元", i)) {
            continue;
          }
          return entry.getValue();
        }
      }
      return null;
    }

    /** A pending direction applies to this number. */
    boolean directionApplies(int s) {
      if (dir == null) {
        return false;
      }
      if (!dirConsumed) {
        return true;
      }
      // 分别下降4.5%和6.8%: a second number after the first, joined by 和/及/、
      if (lastNumberEnd >= dirEnd && lastNumberEnd <= s) {
        String between = norm.substring(lastNumberEnd, s).trim();
        return between.isEmpty() || between.matches("[和及、与或]");
      }
      return false;
    }

    void percent(double v, boolean signed, Double lo, Double hi, Hedge h, int s, int e) {
      if (dir != null && (dir.kind() == Kind.LOSS || dir.kind() == Kind.TURN_LOSS) && !dirConsumed) {
        // 亏损同比扩大30%: the loss changed; keep it as a change of the loss
        Direction d = dir.direction() == Direction.NONE ? Direction.DOWN : dir.direction();
        emitChange(d == Direction.DOWN ? -Math.abs(v) : Math.abs(v), null, null, null, h, dirStart, e);
        dirConsumed = true;
        return;
      }
      if (directionApplies(s) && dir.direction() != Direction.NONE) {
        Direction d = dir.direction() == Direction.SLOW ? Direction.UP : dir.direction();
        double value = signedBy(d, v);
        Double l = lo == null ? null : signedBy(d, lo);
        Double u = hi == null ? null : signedBy(d, hi);
        emitChange(value, l, u, null, h, Math.min(dirStart, s), e);
        dirConsumed = true;
        return;
      }
      if (signed || basis != null) {
        emitChange(v, lo, hi, null, h, s, e);
        return;
      }
      String down = wordAt(e, CHANGE_NOUNS_DOWN);
      String noun = down != null ? down : wordAt(e, CHANGE_NOUNS_UP);
      if (noun != null) {
        Direction named = down != null ? Direction.DOWN : Direction.UP;
        // 62.4%的跌幅, 30%的增长: the noun after the number makes it a change
        emitChange(signedBy(named, v), lo == null ? null : signedBy(named, lo), hi == null ? null : signedBy(named, hi),
            null, h, s, e);
        changeNounEnd = e + noun.length();
        return;
      }
      emit(metric, Direction.NONE, null, null, null, null, null, null, v, null, null, 0, h, s, e);
    }

    /** The first of the words that the text continues with at {@code e}, or null. */
    String wordAt(int e, String... words) {
      for (String w : words) {
        if (norm.startsWith(w, e)) {
          return w;
        }
      }
      return null;
    }

    /** Sign rules: 增长-3.2% is a decline; 下降3.2% and 下降-3.2% are declines. */
    double signedBy(Direction d, double v) {
      if (d == Direction.DOWN) {
        return -Math.abs(v);
      }
      return v;
    }

    void proportion(double v, Hedge h, Double lo, Double hi, int s, int e) {
      if (directionApplies(s) && dir.direction() != Direction.NONE && dir.direction() != Direction.SLOW) {
        Direction d = dir.direction();
        emitChange(signedBy(d, v), lo == null ? null : signedBy(d, lo), hi == null ? null : signedBy(d, hi), null, h,
            Math.min(dirStart, s), e);
        dirConsumed = true;
        return;
      }
      emit(metric, Direction.NONE, null, lo, hi, null, null, null, v, null, null, 0, h, s, e);
    }

    void multiple(String tok, Hedge h, int s, int e) {
      String n = tok.substring(0, tok.indexOf('倍')).trim();
      Double times = ChineseNumerals.parse(n);
      Hedge hedgeToUse = h;
      if (times == null) {
        times = 3.0; // 数倍, 几倍: several times
        hedgeToUse = Hedge.OVER;
      }
      if (tok.endsWith("多")) {
        hedgeToUse = Hedge.OVER;
      }
      if (directionApplies(s) && dir.direction() == Direction.UP) {
        emitChange(times * 100, null, null, (times - 1) * 100, hedgeToUse, Math.min(dirStart, s), e);
        dirConsumed = true;
      } else if (directionApplies(s) && dir.direction() == Direction.DOWN) {
        emitChange(-Math.min(100, times * 100), null, null, null, hedgeToUse, Math.min(dirStart, s), e);
        dirConsumed = true;
      } else {
        // 是上年同期的2倍: up by (n-1) times
        emitChange((times - 1) * 100, null, null, times * 100, hedgeToUse, s, e);
      }
    }

    void pointsFigure(String tok, Hedge h, int s, int e) {
      double v = parseSigned(tok.replaceAll("[^0-9.+\\-]", ""));
      if (directionApplies(s) && (dir.direction() == Direction.UP || dir.direction() == Direction.DOWN)) {
        double value = signedBy(dir.direction(), v);
        emit(metric, value > 0 ? Direction.UP : value < 0 ? Direction.DOWN : Direction.FLAT, null, null, null, null,
            null, null, null, value, null, dir.intensity(), h, Math.min(dirStart, s), e);
        dirConsumed = true;
        return;
      }
      if (dir != null && dir.direction() == Direction.SLOW) {
        return;
      }
      emit(metric, Direction.NONE, null, null, null, null, null, null, null, v, null, 0, h, s, e);
    }

    void amountFigure(String group, String tok, Hedge h, int s, int e) {
      double lo;
      Double hi = null;
      if (group.equals("amtrange")) {
        String[] parts = splitRange(tok);
        String unit = unitOf(parts[1]);
        String firstUnit = unitOf(parts[0]);
        lo = parseAmount(parts[0], firstUnit.isEmpty() ? unit : firstUnit);
        hi = parseAmount(parts[1], unit);
      } else if (group.equals("cnamount")) {
        String unit = unitOf(tok);
        Double n = ChineseNumerals.parse(tok.substring(0, tok.length() - unit.length()).replace("个", ""));
        if (n == null) {
          return;
        }
        lo = n * multiplier(unit);
      } else {
        lo = parseAmount(tok, unitOf(tok));
      }
      boolean loss = lossInClause && dir != null && (dir.kind() == Kind.LOSS || dir.kind() == Kind.TURN_LOSS);
      State state = null;
      if (loss) {
        lo = -Math.abs(lo);
        hi = hi == null ? null : -Math.abs(hi);
        state = State.LOSS;
      } else if (dir != null && (dir.kind() == Kind.PROFIT || dir.kind() == Kind.TURN_PROFIT)) {
        state = State.PROFIT;
      }
      Metric m = state != null ? profitMetric() : metric;
      Direction d = Direction.NONE;
      int start = s;
      if (dir != null && !dirConsumed && dir.kind() == Kind.CHANGE && dir.direction() != Direction.NONE
          && !norm.substring(dirEnd, s).matches(".*[至到为].*")) {
        // 减少3亿元: an absolute change; the direction is what can be checked
        d = dir.direction();
        start = dirStart;
        dirConsumed = true;
      } else if (dir != null && !dirConsumed && (dir.kind() == Kind.LOSS || dir.kind() == Kind.PROFIT
          || dir.kind() == Kind.TURN_LOSS || dir.kind() == Kind.TURN_PROFIT)) {
        d = dir.direction();
        start = dirStart;
        dirConsumed = true;
      }
      int intensity = dir != null && start == dirStart ? dir.intensity() : 0;
      emit(m, d, null, null, null, null, lo, hi, null, null, state, intensity, h, start, e);
    }

    void emitChange(double pct, Double lo, Double hi, Double alt, Hedge h, int s, int e) {
      Direction d = pct > 0 ? Direction.UP : pct < 0 ? Direction.DOWN : Direction.FLAT;
      State state = null;
      if (dir != null && (dir.kind() == Kind.TURN_PROFIT)) {
        state = State.PROFIT;
      } else if (dir != null && (dir.kind() == Kind.LOSS || dir.kind() == Kind.TURN_LOSS)) {
        state = State.LOSS;
      }
      int intensity = dir != null ? dir.intensity() : 0;
      Metric m = metric;
      if (dir != null && dir.both()) {
        emitForClauseMetrics(d, pct, lo, hi, alt, h, intensity, s, e);
        return;
      }
      emit(m, d, pct, lo, hi, alt, null, null, null, null, state, intensity, h, s, e);
    }

    void emitDirectionOnly() {
      if (dir == null) {
        return;
      }
      State state = switch (dir.kind()) {
        case LOSS, TURN_LOSS -> State.LOSS;
        case TURN_PROFIT, PROFIT -> State.PROFIT;
        default -> null;
      };
      Metric m = state != null ? profitMetric() : metric;
      if (dir.kind() == Kind.RATE) {
        dirConsumed = true;
        return;
      }
      if (dir.both()) {
        emitForClauseMetrics(dir.direction(), null, null, null, null, Hedge.NONE, dir.intensity(), dirStart, dirEnd);
      } else {
        emit(m, dir.direction(), null, null, null, null, null, null, null, null, state, dir.intensity(), Hedge.NONE,
            dirStart, dirEnd);
      }
      dirConsumed = true;
    }

    void emitForClauseMetrics(Direction d, Double pct, Double lo, Double hi, Double alt, Hedge h, int intensity,
        int s, int e) {
      List<Metric> metrics = clauseMetrics.isEmpty() ? java.util.Collections.singletonList(metric)
          : List.copyOf(new java.util.LinkedHashSet<>(clauseMetrics));
      for (Metric m : metrics) {
        emit(m, d, pct, lo, hi, alt, null, null, null, null, null, intensity, h, s, e);
      }
    }

    void emit(Metric m0, Direction d, Double pct, Double lo, Double hi, Double alt, Double amount, Double amountHigh,
        Double level, Double points, State state, int intensity, Hedge h, int s, int e) {
      Metric m = m0;
      if ((points != null || level != null) && m != null && !m.rate()) {
        // 不良贷款率较年初下降0.04个百分点 after 净利润: percentage points belong to a rate, not to profit
        m = null;
      }
      int start = s;
      String mText = metricText;
      Metric metricOut = m;
      if (m != null && m == metric && metricStart >= 0 && s - metricStart <= 40 && metricStart < s) {
        start = metricStart;
      } else if (m != metric) {
        mText = m == null ? null : m.label();
      }
      boolean trend = false;
      for (int[] span : trendSpans) {
        if (span[0] >= clauseStart && span[0] < e) {
          trend = true;
          break;
        }
      }
      if (mainPeriod == null && period != null) {
        mainPeriod = period;
      }
      Period p = period;
      out.add(new Figure(metricOut, mText, d, pct, lo, hi, alt, amount, amountHigh, level, points, state, intensity,
          h == null ? Hedge.NONE : h, p, basis, prior, trend, start, e, FinText.span(original, start, e)));
    }

    void endClause(int at) {
      if (dir != null && !dirConsumed) {
        emitDirectionOnly();
      }
      dir = null;
      dirConsumed = false;
      lossInClause = false;
      adverb = 0;
      hedge = Hedge.NONE;
      hedgeEnd = -10;
      prior = false;
      basis = null;
      negEnd = -10;
      clauseMetrics.clear();
      clauseStart = at + 1;
      if (period != null && historic(period)) {
        period = mainPeriod;
      }
    }

    // ----- number parsing

    static boolean hasSign(String tok) {
      String t = tok.trim();
      return t.startsWith("-") || t.startsWith("+");
    }

    static double parseSigned(String tok) {
      String t = tok.replace(",", "").replaceAll("\\s", "");
      return Double.parseDouble(t.startsWith("+") ? t.substring(1) : t);
    }

    static String[] splitRange(String tok) {
      Matcher m = Pattern.compile("^([-+]?[0-9.,]+\\s*[^0-9\\-+~—–至到]*)\\s*" + RANGE_SEP + "\\s*(.*)$").matcher(tok);
      if (m.matches()) {
        return new String[] {m.group(1), m.group(2)};
      }
      return new String[] {tok, tok};
    }

    static String unitOf(String tok) {
      Matcher m = Pattern.compile(UNIT + "$").matcher(tok.trim());
      return m.find() ? m.group() : "";
    }

    static double parseAmount(String tok, String unit) {
      String number = tok.trim();
      String own = unitOf(number);
      number = number.substring(0, number.length() - own.length()).trim();
      return parseSigned(number) * multiplier(unit);
    }

    static double multiplier(String unit) {
      if (unit.startsWith("万亿")) {
        return 1e12;
      }
      if (unit.startsWith("千万")) {
        return 1e7;
      }
      if (unit.startsWith("百万")) {
        return 1e6;
      }
      if (unit.startsWith("亿")) {
        return 1e8;
      }
      if (unit.startsWith("万")) {
        return 1e4;
      }
      return 1;
    }
  }
}
