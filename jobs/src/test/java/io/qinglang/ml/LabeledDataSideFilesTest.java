package io.qinglang.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabeledDataSideFilesTest {
  private static List<Row> labels(String... ids) {
    return java.util.Arrays.stream(ids).map(id -> RowFactory.create(id, "weibo", 0.0, null, false, null)).toList();
  }

  private static Map<String, Row> byId(List<Row> rows) {
    return rows.stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
  }

  @Test
  void kindsOfAHandWrittenSetBecomeGroupsAndMarkHardNegatives(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("kinds.csv"), "post_id,kind\na,hard:complaint\nb,v:extortion_note\nc,ordinary\nd,\n");
    Map<String, Row> out = byId(LabeledData.applySideFiles(labels("a", "b", "c", "d", "e"),
        new org.apache.hadoop.fs.Path(dir.toUri()), new Configuration()));
    assertTrue(out.get("a").getBoolean(4));
    assertFalse(out.get("b").getBoolean(4));
    assertEquals("kind:hard:complaint", out.get("a").getString(5));
    assertEquals("kind:v:extortion_note", out.get("b").getString(5));
    assertEquals("kind:ordinary", out.get("c").getString(5));
    assertNull(out.get("d").get(5));
    assertNull(out.get("e").get(5));
  }

  @Test
  void aGeneratorFormIsTheGroupAndNegFormsAreHardNegatives(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("truth.csv"), "post_id,category,kind,form_id\na,0,regular,neg.finnews.01\n"
        + "b,8,regular,c8.dm.02\n");
    Map<String, Row> out = byId(LabeledData.applySideFiles(labels("a", "b"),
        new org.apache.hadoop.fs.Path(dir.toUri()), new Configuration()));
    assertTrue(out.get("a").getBoolean(4));
    assertEquals("neg.finnews.01", out.get("a").getString(5));
    assertFalse(out.get("b").getBoolean(4));
    assertEquals("c8.dm.02", out.get("b").getString(5));
  }

  @Test
  void aViolationInACampaignClusterOfAHeldOutSetIsACampaignMember(@TempDir Path dir) throws Exception {
    // The held-out sets' meta.csv: coarse kinds, and a cluster id for the posts of one campaign or wave.
    Files.writeString(dir.resolve("meta.csv"), "post_id,kind,style,subtype,enterprises,cluster\n"
        + "a,violation,weibo_rant,rumour,X01,C9A\nb,hard_negative,fan_repost,announcement,X01,W1\n"
        + "c,violation,tieba_leak,customer_list,X02,\n");
    List<Row> in = List.of(RowFactory.create("a", null, 9.0, null, false, null),
        RowFactory.create("b", null, 0.0, null, false, null), RowFactory.create("c", null, 3.0, null, false, null));
    Map<String, Row> out = byId(LabeledData.applySideFiles(in, new org.apache.hadoop.fs.Path(dir.toUri()),
        new Configuration()));
    assertEquals("kind:v:campaign:C9A", out.get("a").getString(5));
    assertEquals("kind:hard_negative", out.get("b").getString(5), "a legitimate wave is not a campaign");
    assertTrue(out.get("b").getBoolean(4));
    assertEquals("kind:violation", out.get("c").getString(5));

    // An explicit group column in labels.csv wins over the side files, cluster included.
    List<Row> grouped = List.of(RowFactory.create("a", null, 9.0, null, false, "mine"));
    assertEquals("mine", LabeledData.applySideFiles(grouped, new org.apache.hadoop.fs.Path(dir.toUri()),
        new Configuration()).get(0).getString(5));
  }
}
