package io.qinglang.generate;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of one part file, summed into the manifest. */
final class PartStats implements Serializable {
  long records;
  long labelRows;
  long withoutPostId;
  long disposals;
  long personalDataPosts;
  long impersonationPosts;
  long officialPosts;
  long finFaithful;
  long finDistorted;
  long bytes;
  final long[] categories = new long[11];
  final Map<String, Long> platforms = new TreeMap<>();
  final Map<String, Long> contentTypes = new TreeMap<>();
  final Map<String, Long> kinds = new TreeMap<>();
  final Map<String, Long> quarantine = new TreeMap<>();
  final Map<String, Long> hardNegatives = new TreeMap<>();
  final Map<String, Long> forms = new TreeMap<>();
  final Map<String, Long> splits = new TreeMap<>();
  final Map<String, Long> actions = new TreeMap<>();
  final Map<String, Long> disposalPlatforms = new TreeMap<>();
  final Map<String, Long> groups = new TreeMap<>();

  static void add(Map<String, Long> m, String key, long n) {
    m.merge(key, n, Long::sum);
  }

  void merge(PartStats o) {
    records += o.records;
    labelRows += o.labelRows;
    withoutPostId += o.withoutPostId;
    disposals += o.disposals;
    personalDataPosts += o.personalDataPosts;
    impersonationPosts += o.impersonationPosts;
    officialPosts += o.officialPosts;
    finFaithful += o.finFaithful;
    finDistorted += o.finDistorted;
    bytes += o.bytes;
    for (int c = 0; c < categories.length; c++) {
      categories[c] += o.categories[c];
    }
    List<Map<String, Long>> mine = List.of(platforms, contentTypes, kinds, quarantine, hardNegatives, forms, splits,
        actions, disposalPlatforms, groups);
    List<Map<String, Long>> theirs = List.of(o.platforms, o.contentTypes, o.kinds, o.quarantine, o.hardNegatives,
        o.forms, o.splits, o.actions, o.disposalPlatforms, o.groups);
    for (int k = 0; k < mine.size(); k++) {
      Map<String, Long> into = mine.get(k);
      theirs.get(k).forEach((key, v) -> add(into, key, v));
    }
  }
}
