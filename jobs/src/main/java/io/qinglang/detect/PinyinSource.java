package io.qinglang.detect;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.List;

/**
 * Toneless pinyin of a name, one syllable per Chinese character; Latin letters and digits stay as
 * they are (lower case). The HanLP-backed implementation is a per-JVM singleton: HanLP loads its
 * pinyin dictionary once, on first use, in each executor, and no HanLP object is ever serialized.
 * When the shared text adapter ({@code io.qinglang.text}) lands, {@link #get()} can return it.
 */
public interface PinyinSource {
  /** The syllables of {@code text}: one entry per Chinese character, or the character itself otherwise. */
  List<String> syllables(String text);

  /** The syllables joined without separators ("比亚迪" gives "biyadi", "BYD" gives "byd"). */
  default String joined(String text) {
    return String.join("", syllables(text));
  }

  static PinyinSource get() {
    return HanLpPinyin.INSTANCE;
  }

  /** HanLP's dictionary-based conversion (it handles polyphones by word, 重庆 = chong qing). */
  final class HanLpPinyin implements PinyinSource {
    static final HanLpPinyin INSTANCE = new HanLpPinyin();

    private HanLpPinyin() {}

    @Override
    public List<String> syllables(String text) {
      List<Pinyin> pinyin = HanLP.convertToPinyinList(text);
      String[] out = new String[text.length()];
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        Pinyin p = i < pinyin.size() ? pinyin.get(i) : null;
        boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
        if (han && p != null && p != Pinyin.none5) {
          out[i] = p.getPinyinWithoutTone();
        } else {
          out[i] = String.valueOf(Character.toLowerCase(c));
        }
      }
      return List.of(out);
    }
  }
}
