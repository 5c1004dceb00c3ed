package io.qinglang.fin;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words of financial-results reporting: metrics, direction words, periods, hedges, and the
 * headline vocabulary of distortion (catastrophe words, bait, trend words).
 */
public final class FinLexicon {
  private FinLexicon() {}

  /** What a direction word does. */
  public enum Kind {
    /** A change (增长, 下降, 暴跌, 腰斩). */
    CHANGE,
    /** A growth rate word (增速, 增幅): a following decline word means a slowdown. */
    RATE,
    /** A loss stated (亏损, 预亏, 巨亏). */
    LOSS,
    /** A turn into loss (由盈转亏, 首亏). */
    TURN_LOSS,
    /** A turn into profit (扭亏为盈). */
    TURN_PROFIT,
    /** A profit stated (盈利, 赚). */
    PROFIT,
    /** A loss narrowing (收窄, 减亏) when it follows a loss. */
    NARROW,
    /** A loss widening (扩大) when it follows a loss. */
    EXPAND,
    /** Growth slowing (放缓). */
    SLOW
  }

  /** One direction word. {@code value} is the size the word itself states (腰斩 = 50). */
  public record DirWord(Direction direction, int intensity, Double value, Hedge hedge, Kind kind, boolean both) {
    static DirWord of(Direction d, int intensity) {
      return new DirWord(d, intensity, null, Hedge.NONE, Kind.CHANGE, false);
    }
  }

  public static final Map<String, Metric> METRICS = new LinkedHashMap<>();
  public static final Map<String, DirWord> DIRECTIONS = new LinkedHashMap<>();
  public static final Map<String, String> PERIOD_CODES = new LinkedHashMap<>();
  public static final Map<String, Hedge> HEDGES_BEFORE = new LinkedHashMap<>();
  public static final Map<String, Hedge> HEDGES_AFTER = new LinkedHashMap<>();

  static {
    metrics(Metric.REVENUE, "营业总收入", "营业收入", "主营业务收入", "主营收入", "总营收", "营收", "总收入", "营业额",
        "销售收入", "销售额", "收入");
    metrics(Metric.NET_PROFIT, "归属于上市公司股东的净利润", "归属于母公司股东的净利润", "归属于母公司所有者的净利润",
        "归属于本行股东的净利润", "归属于公司股东的净利润", "归属于股东的净利润", "归属于上市公司股东净利润", "归母净利润",
        "归母净利", "股东净利润", "股东应占溢利", "股东应占利润", "本公司拥有人应占利润", "经调整净利润",
        "经调整净利", "溢利", "净利润", "归母", "净利", "纯利润", "纯利", "利润", "盈利");
    metrics(Metric.DEDUCTED_PROFIT, "扣除非经常性损益后的净利润", "扣除非经常性损益的净利润", "扣非归母净利润",
        "扣非后归母净利润", "扣非后净利润", "扣非净利润", "扣非净利", "扣非");
    metrics(Metric.PERFORMANCE, "经营业绩", "业绩");
    metrics(Metric.OPERATING_PROFIT, "营业利润", "利润总额");
    metrics(Metric.NON_RECURRING, "非经常性损益", "非经常性收益", "政府补助", "投资收益", "公允价值变动收益",
        "公允价值变动", "营业外收入");
    metrics(Metric.GROSS_MARGIN, "综合毛利率", "销售毛利率", "毛利率");
    metrics(Metric.NET_MARGIN, "净利润率", "销售净利率", "净利率", "利润率");
    metrics(Metric.GROSS_PROFIT, "毛利润", "毛利");
    metrics(Metric.EPS, "基本每股收益", "稀释每股收益", "每股收益", "每股盈利", "每股净资产");
    metrics(Metric.CASH_FLOW, "经营活动产生的现金流量净额", "经营活动现金流量净额", "经营活动现金流净额", "经营活动现金流",
        "经营性现金流", "经营现金流", "现金流净额", "现金流");
    metrics(Metric.COST, "研发费用", "研发投入", "销售费用", "管理费用", "财务费用", "营业成本", "费用", "成本",
        "资产减值", "信用减值", "商誉减值", "减值");
    metrics(Metric.BALANCE, "货币资金", "资产负债率", "有息负债", "合同负债", "应收账款", "存货", "商誉", "净资产",
        "总资产", "负债");
    metrics(Metric.VOLUME, "新签合同额", "合同额", "订单量", "订单", "销量", "出货量", "产量", "装机规模", "客流",
        "接待人次", "报名人数", "用户数", "月活", "门店数");
    metrics(Metric.PRICE, "加工费", "价格", "售价", "均价", "运价", "煤价", "猪价", "油价", "房价");
    metrics(Metric.RATIO, "分红率", "分红比例", "开工率", "渗透率", "市场份额", "占比", "比重", "不良贷款率", "不良率",
        "资本充足率", "净息差", "净资产收益率", "ROE", "拨备覆盖率", "综合成本率", "费用率");
    metrics(Metric.DIVIDEND, "现金红利", "分红", "派发", "每10股派");
    metrics(Metric.STOCK_PRICE, "股价", "市值", "盘前", "盘后", "盘中", "收盘", "开盘", "涨停", "跌停");

    Direction up = Direction.UP;
    Direction down = Direction.DOWN;
    dirs(up, 0, "增长", "增加", "上升", "提升", "提高", "上涨", "回升", "攀升", "走高", "改善", "好转", "回暖", "向好",
        "多增", "同增", "增多", "涨了", "增了", "扩张", "上扬", "预增", "预计增长", "多赚");
    dirs(up, 1, "大增", "猛增", "激增", "暴增", "飙升", "大涨", "暴涨", "狂飙", "高增", "井喷", "大幅增长", "大幅上升",
        "大幅提升", "大幅增加", "大幅上涨", "显著增长", "显著提升", "强劲增长", "爆发式增长", "暴增长", "狂增", "剧增", "大赚", "赚翻", "狂赚");
    dirs(up, -1, "微增", "略增", "小增", "小幅增长", "小幅上升", "小幅提升", "略有增长", "略有上升", "略有提升",
        "稳步增长", "微升", "小幅上涨", "稳增");
    dirs(Direction.FLAT, 0, "基本持平", "持平", "基本稳定", "保持稳定", "变化不大");
    dirs(down, 0, "下降", "下滑", "减少", "下跌", "降低", "回落", "下挫", "缩水", "萎缩", "降幅", "跌幅", "减幅", "走低",
        "收缩", "同降", "下行", "恶化", "少了", "降了", "跌了", "减了", "缩减", "失速", "走弱", "转弱", "滑坡", "承压",
        "负增长", "下跌了", "预减", "预降", "预计下降", "预计减少", "少赚", "跌去", "降去", "掉了");
    dirs(down, 1, "大降", "大跌", "暴跌", "骤降", "锐减", "大减", "重挫", "跳水", "闪崩", "暴降", "惨跌", "狂跌", "雪崩",
        "血崩", "断崖式下跌", "断崖式下滑", "断崖式下降", "断崖", "大幅下降", "大幅下滑", "大幅减少", "大幅下跌", "大幅回落",
        "显著下降", "崩塌", "崩盘", "崩了", "暴跌了", "跌惨", "大缩水", "巨降", "蒸发", "跌到谷底", "跌入谷底", "跌穿",
        "大跳水", "塌方", "清零", "归零", "变脸", "大变脸", "断崖式", "血洗", "一落千丈", "狂泻", "暴泻", "大失血",
        "失血", "重创", "惨败", "溃败", "塌房", "打骨折", "骨折", "跌跌不休");
    DIRECTIONS.put("膝盖斩", new DirWord(down, 1, 70.0, Hedge.ABOUT, Kind.CHANGE, false));
    DIRECTIONS.put("脚踝斩", new DirWord(down, 1, 90.0, Hedge.ABOUT, Kind.CHANGE, false));
    dirs(down, -1, "微降", "略降", "小降", "小幅下降", "小幅下滑", "略有下降", "略有下滑", "小幅回落", "微跌", "稍降",
        "小幅减少", "略微下降");
    DIRECTIONS.put("腰斩", new DirWord(down, 1, 50.0, Hedge.ABOUT, Kind.CHANGE, false));
    DIRECTIONS.put("减半", new DirWord(down, 1, 50.0, Hedge.ABOUT, Kind.CHANGE, false));
    DIRECTIONS.put("翻番", new DirWord(up, 1, 100.0, Hedge.OVER, Kind.CHANGE, false));
    DIRECTIONS.put("翻倍", new DirWord(up, 1, 100.0, Hedge.OVER, Kind.CHANGE, false));
    DIRECTIONS.put("翻一番", new DirWord(up, 1, 100.0, Hedge.OVER, Kind.CHANGE, false));
    DIRECTIONS.put("翻了一番", new DirWord(up, 1, 100.0, Hedge.OVER, Kind.CHANGE, false));
    DIRECTIONS.put("翻了一倍", new DirWord(up, 1, 100.0, Hedge.OVER, Kind.CHANGE, false));
    DIRECTIONS.put("翻两番", new DirWord(up, 1, 300.0, Hedge.OVER, Kind.CHANGE, false));
    DIRECTIONS.put("翻了两番", new DirWord(up, 1, 300.0, Hedge.OVER, Kind.CHANGE, false));
    for (String w : List.of("双增", "齐增", "双双增长", "均实现增长", "均有所增长", "齐升", "双升", "同步增长")) {
      DIRECTIONS.put(w, new DirWord(up, 0, null, Hedge.NONE, Kind.CHANGE, true));
    }
    for (String w : List.of("双降", "双双下降", "双双下滑", "齐跌", "均有所下降", "同步下滑", "双杀")) {
      DIRECTIONS.put(w, new DirWord(down, 0, null, Hedge.NONE, Kind.CHANGE, true));
    }
    for (String w : List.of("增速", "增幅", "涨幅", "升幅", "增长率", "增长速度")) {
      DIRECTIONS.put(w, new DirWord(up, 0, null, Hedge.NONE, Kind.RATE, false));
    }
    kind(down, 0, Kind.TURN_LOSS, "由盈转亏", "盈转亏", "转亏", "首亏", "由盈利转为亏损", "转为亏损");
    kind(Direction.NONE, 0, Kind.LOSS, "净亏损", "亏损", "预亏", "亏了", "续亏", "继续亏损", "持续亏损", "仍亏损",
        "仍然亏损", "陷入亏损");
    kind(Direction.NONE, 1, Kind.LOSS, "巨亏", "血亏", "大亏", "亏惨", "巨额亏损", "深度亏损", "严重亏损", "亏损严重",
        "亏麻了", "亏麻", "亏到", "亏成狗", "亏穿", "爆亏", "暴亏", "狂亏", "巨额亏");
    kind(down, 0, Kind.LOSS, "增亏", "亏损扩大", "亏损加大", "亏损加剧");
    kind(up, 0, Kind.TURN_PROFIT, "预盈", "扭亏为盈", "扭亏", "转盈", "实现盈利", "扭亏为赢", "转亏为盈", "由亏转盈", "扭转亏损");
    kind(Direction.NONE, 0, Kind.PROFIT, "保持盈利", "仍盈利", "仍然盈利", "赚了", "赚", "没亏", "没有亏损", "未亏损",
        "并未亏损", "不亏", "没有亏");
    kind(up, 0, Kind.NARROW, "收窄", "减亏");
    kind(down, 0, Kind.EXPAND, "扩大", "加大", "加剧");
    kind(Direction.SLOW, 0, Kind.SLOW, "放缓", "减速", "变慢", "慢了", "下台阶");

    PERIOD_CODES.put("第一季度", "Q1");
    PERIOD_CODES.put("首季度", "Q1");
    PERIOD_CODES.put("首季", "Q1");
    PERIOD_CODES.put("一季度", "Q1");
    PERIOD_CODES.put("一季报", "Q1");
    PERIOD_CODES.put("第1季度", "Q1");
    PERIOD_CODES.put("1季度", "Q1");
    PERIOD_CODES.put("第一财季", "Q1");
    PERIOD_CODES.put("第二财季", "Q2");
    PERIOD_CODES.put("第三财季", "Q3");
    PERIOD_CODES.put("第四财季", "Q4");
    PERIOD_CODES.put("上半财年", "H1");
    PERIOD_CODES.put("下半财年", "H2");
    PERIOD_CODES.put("全财年", "FY");
    PERIOD_CODES.put("第二季度", "Q2");
    PERIOD_CODES.put("二季度", "Q2");
    PERIOD_CODES.put("第三季度", "Q3");
    PERIOD_CODES.put("三季度", "Q3");
    PERIOD_CODES.put("第四季度", "Q4");
    PERIOD_CODES.put("四季度", "Q4");
    PERIOD_CODES.put("上半年", "H1");
    PERIOD_CODES.put("半年度", "H1");
    PERIOD_CODES.put("半年报", "H1");
    PERIOD_CODES.put("中报", "H1");
    PERIOD_CODES.put("中期", "H1");
    PERIOD_CODES.put("下半年", "H2");
    PERIOD_CODES.put("前三季度", "Q1-Q3");
    PERIOD_CODES.put("前三季", "Q1-Q3");
    PERIOD_CODES.put("三季报", "Q1-Q3");
    PERIOD_CODES.put("1-9月", "Q1-Q3");
    PERIOD_CODES.put("1至9月", "Q1-Q3");
    PERIOD_CODES.put("全年度", "FY");
    PERIOD_CODES.put("全年", "FY");
    PERIOD_CODES.put("年度", "FY");
    PERIOD_CODES.put("年报", "FY");
    PERIOD_CODES.put("财年", "FY");
    PERIOD_CODES.put("去年", "FY");
    PERIOD_CODES.put("今年", "FY");

    for (String w : List.of("约为", "大约", "约", "左右约")) {
      HEDGES_BEFORE.put(w, Hedge.ABOUT);
    }
    for (String w : List.of("将近", "接近", "近", "几乎", "差不多", "逼近")) {
      HEDGES_BEFORE.put(w, Hedge.NEAR);
    }
    for (String w : List.of("超过", "超逾", "逾", "超", "至少", "多达", "高达", "不止")) {
      HEDGES_BEFORE.put(w, Hedge.OVER);
    }
    for (String w : List.of("不足", "不到", "低于", "仅")) {
      HEDGES_BEFORE.put(w, Hedge.UNDER);
    }
    HEDGES_AFTER.put("左右", Hedge.ABOUT);
    HEDGES_AFTER.put("上下", Hedge.ABOUT);
    HEDGES_AFTER.put("以上", Hedge.OVER);
    HEDGES_AFTER.put("多", Hedge.OVER);
    HEDGES_AFTER.put("+", Hedge.OVER);
    HEDGES_AFTER.put("以下", Hedge.UNDER);
  }

  /** Words that say the trouble is terminal, by group: a body supports one when it uses a word of the same group. */
  public static final Map<String, List<String>> CATASTROPHES = new LinkedHashMap<>();

  static {
    CATASTROPHES.put("bankruptcy", List.of("破产", "倒闭", "关门", "清算", "清盘", "资不抵债", "活不下去", "撑不住",
        "撑不下去", "做不下去", "关停"));
    CATASTROPHES.put("default", List.of("爆雷", "暴雷", "炸雷", "违约", "爆仓", "兑付危机"));
    CATASTROPHES.put("liquidity", List.of("资金链断裂", "资金链断", "资金链紧张", "断裂", "告急", "断流", "欠薪", "发不出工资"));
    CATASTROPHES.put("collapse", List.of("崩盘", "崩了", "崩塌", "崩溃", "血崩", "雪崩", "完了", "要完", "凉了", "凉凉",
        "黄了", "要黄", "末日", "不行了", "危机全面爆发", "大厦将倾", "一蹶不振", "彻底失守", "全面失守", "凉透",
        "药丸", "完蛋", "扑街", "濒死", "垂死", "穷途末路", "走向衰亡", "撑不过"));
    CATASTROPHES.put("flight", List.of("跑路", "卷款", "失联", "潜逃", "被抓"));
    CATASTROPHES.put("delisting", List.of("退市", "暂停上市", "终止上市", "摘牌"));
  }

  /** Headline bait: words that promise a shock or a secret. */
  public static final List<String> BAIT = List.of("震惊", "惊呆", "吓人", "可怕", "竟然", "竟", "真相", "内幕", "曝光",
      "揭秘", "揭开", "炸裂", "重磅", "突发", "刚刚", "太惨", "惨不忍睹", "惨", "彻底", "出事", "注意了", "速看", "紧急",
      "大事不好", "悬了", "韭菜", "血本无归", "史诗级", "惊天", "一夜之间", "没想到", "到底", "究竟", "何去何从",
      "风光不再", "神话破灭", "破灭", "失守", "前夜", "要起飞", "起飞", "新王", "见顶", "熄火", "泥潭", "无望", "传闻",
      "倒计时", "坑惨", "割韭菜", "暴富", "疯了", "炸了", "吓坏", "慌了", "哭了", "终于", "危险", "全面", "赶紧", "快去",
      "快跑", "快逃", "速撤", "取钱", "退保", "抛售", "清仓", "还安全吗", "还能撑", "撑几年", "谷底", "一夜");

  /** Words that present a change as a trend over several periods. */
  public static final List<String> TRENDS = List.of("持续", "连续", "连年", "接连", "一路", "不断", "逐年", "年年",
      "屡", "再度", "又降", "又跌", "又亏", "再降", "再跌", "再亏", "再腰斩", "一直", "连降", "连跌", "连亏", "节节",
      "多年来", "每况愈下", "江河日下", "每年都", "跌跌不休", "史上最", "有史以来", "历史新低", "创新低");

  /** Words that name a periodic report or results announcement. */
  public static final List<String> REPORT_WORDS = List.of("年报", "年度报告", "季报", "一季报", "三季报", "半年报",
      "中报", "季度报告", "半年度报告", "业绩预告", "业绩快报", "财报", "预增", "预减", "预亏", "预盈", "扭亏", "由盈转亏",
      "成绩单", "业绩说明会", "财务报告", "年度业绩", "中期业绩", "季度业绩", "全年业绩", "首季业绩", "业绩公告");

  /** A pattern matching any of {@code words}, longest first. */
  public static Pattern anyOf(Iterable<String> words) {
    List<String> list = new java.util.ArrayList<>();
    words.forEach(list::add);
    return Pattern.compile(alternation(list));
  }

  /**
   * A regular expression matching any of {@code words}, longest first, written as a trie
   * (营(?:业(?:总收入|收入|额)|收)) so that matching does not try every word at every position.
   */
  static String alternation(List<String> words) {
    TrieNode root = new TrieNode();
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      TrieNode n = root;
      for (char c : w.toCharArray()) {
        n = n.children.computeIfAbsent(c, k -> new TrieNode());
      }
      n.end = true;
    }
    return root.regex();
  }

  private static final class TrieNode {
    final java.util.TreeMap<Character, TrieNode> children = new java.util.TreeMap<>();
    boolean end;

    String regex() {
      List<String> alternatives = new java.util.ArrayList<>();
      for (java.util.Map.Entry<Character, TrieNode> e : children.entrySet()) {
        alternatives.add(quote(e.getKey()) + e.getValue().regex());
      }
      if (alternatives.isEmpty()) {
        return "";
      }
      String body = alternatives.size() == 1 ? alternatives.get(0) : "(?:" + String.join("|", alternatives) + ")";
      // greedy: the longer word is tried first, the shorter one when it fails
      return end ? "(?:" + body + ")?" : body;
    }

    static String quote(char c) {
      return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
    }
  }

  private static void metrics(Metric metric, String... words) {
    for (String w : words) {
      METRICS.putIfAbsent(w, metric);
    }
  }

  private static void dirs(Direction d, int intensity, String... words) {
    for (String w : words) {
      DIRECTIONS.putIfAbsent(w, DirWord.of(d, intensity));
    }
  }

  private static void kind(Direction d, int intensity, Kind kind, String... words) {
    for (String w : words) {
      DIRECTIONS.putIfAbsent(w, new DirWord(d, intensity, null, Hedge.NONE, kind, false));
    }
  }
}
