package io.qinglang.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * How rare a character shingle is: its document frequency in a background of ordinary posts (the
 * bundled hand-written gold set) plus its document frequency in the posts being compared. A shingle
 * every post uses (的, 公司) weighs little; one only a few posts share (a product's name, a made-up
 * figure) weighs much. The batch's own counts keep a large organic wave's shared words (an outage's
 * vocabulary in ten thousand posts) from counting as rare.
 */
public final class ShingleRarity implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The bundled background corpus (JSON lines with title and content). */
  public static final String GOLD_POSTS = "/qinglang/corpus/gold/posts.jsonl";

  private final Map<Integer, Integer> background;
  private final long backgroundDocs;

  ShingleRarity(Map<Integer, Integer> background, long backgroundDocs) {
    this.background = Map.copyOf(background);
    this.backgroundDocs = backgroundDocs;
  }

  /** Document frequencies of {@code text}'s shingles over the bundled gold posts. */
  public static ShingleRarity ofGoldSet(CampaignText text) {
    InputStream in = ShingleRarity.class.getResourceAsStream(GOLD_POSTS);
    if (in == null) {
      throw new IllegalStateException("the background corpus " + GOLD_POSTS + " is not on the classpath");
    }
    ObjectMapper json = new ObjectMapper();
    Map<Integer, Integer> df = new HashMap<>();
    long docs = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode post = json.readTree(line);
        String norm = text.normalize(post.path("title").asText(""), post.path("content").asText(""));
        for (int s : text.shingles(norm)) {
          df.merge(s, 1, Integer::sum);
        }
        docs++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + GOLD_POSTS, e);
    }
    return new ShingleRarity(df, docs);
  }

  public long backgroundDocs() {
    return backgroundDocs;
  }

  /**
   * Inverse document frequency ln((B + N + 1) / (b + n + 1)) of a shingle found in {@code batchDf} of
   * the batch's {@code batchDocs} texts and in b of the background's B.
   */
  public double idf(int shingle, long batchDf, long batchDocs) {
    int b = background.getOrDefault(shingle, 0);
    return Math.log((backgroundDocs + batchDocs + 1.0) / (b + batchDf + 1.0));
  }

  /**
   * Cosine similarity of two weighted shingle sets (shingles sorted ascending and distinct, weights
   * parallel to them and of unit length).
   */
  public static double cosine(int[] sa, double[] wa, int[] sb, double[] wb) {
    int i = 0;
    int j = 0;
    double dot = 0;
    while (i < sa.length && j < sb.length) {
      if (sa[i] == sb[j]) {
        dot += wa[i++] * wb[j++];
      } else if (sa[i] < sb[j]) {
        i++;
      } else {
        j++;
      }
    }
    return dot;
  }
}
