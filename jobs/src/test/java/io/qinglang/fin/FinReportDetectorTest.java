package io.qinglang.fin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qinglang.testing.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinReportDetectorTest {

  @Test
  void resultsHeadlines() {
    assertTrue(FinReportDetector.isResultsHeadline("青禾食品一季度营收同比下降3.1%"));
    assertTrue(FinReportDetector.isResultsHeadline("南钢股份上半年由盈转亏"));
    assertTrue(FinReportDetector.isResultsHeadline("云启智能2023年净利润翻番"));
    assertTrue(FinReportDetector.isResultsHeadline("鸿利智汇：预计全年净利润同比减少20%—30%"));
    assertTrue(FinReportDetector.isResultsHeadline("某某科技年报：业绩大幅下滑"));
    assertFalse(FinReportDetector.isResultsHeadline("周末去了趟乌镇"));
    assertFalse(FinReportDetector.isResultsHeadline("茅台今天盘中一度跌超5%"));
    assertFalse(FinReportDetector.isResultsHeadline("央行下调存款准备金率0.5个百分点"));
    assertFalse(FinReportDetector.isResultsHeadline(null));
  }

  /**
   * Real finance headlines (2016-2021, read at run time from ../shared/data): every headline goes
   * through the extractor without error; a small share announce results; headlines that state a
   * revenue or net-profit change 同比 are detected, and most net-profit headlines with a percentage
   * yield a net-profit change.
   */
  @Test
  void realFinanceHeadlines() throws IOException {
    Path shared = TestFiles.sharedData();
    assumeTrue(shared != null, "../shared/data is missing: skipping the real-headline check");
    Path file = shared.resolve("finance_news_headlines_choice_20k.tsv");
    assumeTrue(Files.isRegularFile(file), "finance_news_headlines_choice_20k.tsv is missing: skipping");
    List<String> headlines = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      if (f.length > 1 && !f[0].equals("row_id")) {
        headlines.add(f[1]);
      }
    }
    assertTrue(headlines.size() > 20_000, "read " + headlines.size());
    int detected = 0;
    int statedChanges = 0;
    int statedDetected = 0;
    int profitPct = 0;
    int profitPctFound = 0;
    for (String h : headlines) {
      List<Figure> figures = FigureExtractor.extract(h, FigureExtractor.Mode.HEADLINE);
      for (Figure f : figures) {
        assertTrue(f.start() >= 0 && f.end() <= h.length() && f.start() <= f.end(), h);
      }
      boolean results = FinReportDetector.isResultsHeadline(h);
      if (results) {
        detected++;
      }
      if (h.matches(".*(营收|净利润).{0,8}同比(增长|下降|下滑|增|降).*")) {
        statedChanges++;
        if (results) {
          statedDetected++;
        }
      }
      if (h.contains("净利润") && h.matches(".*净利润.{0,6}\\d+(\\.\\d+)?%.*")) {
        profitPct++;
        if (figures.stream().anyMatch(f -> f.metric() == Metric.NET_PROFIT && f.pct() != null)) {
          profitPctFound++;
        }
      }
    }
    double share = (double) detected / headlines.size();
    System.out.printf("real finance headlines: %d, results headlines %d (%.1f%%), stated changes detected %d/%d, "
        + "net-profit percentages read %d/%d%n", headlines.size(), detected, 100 * share, statedDetected,
        statedChanges, profitPctFound, profitPct);
    assertTrue(share > 0.01 && share < 0.15, "share of results headlines " + share);
    assertTrue(statedChanges > 50);
    assertTrue(statedDetected >= 0.95 * statedChanges, statedDetected + "/" + statedChanges);
    assertTrue(profitPct > 30);
    assertTrue(profitPctFound >= 0.9 * profitPct, profitPctFound + "/" + profitPct);
  }

  @Test
  void cuesNeedAMajorFigure() {
    List<Figure> body = FigureExtractor.extract("国家统计局数据显示，3月份社会消费品零售总额同比增长10.6%。");
    FinReportDetector.Cues cues = FinReportDetector.cues("3月社零同比增长10.6%", List.of(), "社零同比增长10.6%", body);
    assertFalse(cues.majorFigure());
    String text = "2023年营业收入21.7亿元，同比增长4.2%；归母净利润1.86亿元。";
    FinReportDetector.Cues ok = FinReportDetector.cues("远澜科技年报", List.of(), text, FigureExtractor.extract(text));
    assertTrue(ok.majorFigure());
    assertEquals(5, ok.score(), "figure 2, report word, 同比, period");
  }
}
