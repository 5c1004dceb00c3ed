package io.qinglang.text;

import java.util.Set;

/**
 * Common Chinese surnames (the most frequent single-character ones and the usual compound ones).
 * HanLP's person-name recognition sometimes tags ordinary words as names (开着真爽 gives 真爽/nr);
 * a recognized name only becomes {@code <PER>} when it starts with one of these surnames.
 */
final class Surnames {
  private static final Set<String> COMPOUND = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙",
      "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯", "端木", "独孤", "南宫", "西门", "轩辕", "呼延");
  private static final String SINGLE = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
      + "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
      + "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛"
      + "曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗"
      + "瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

  private Surnames() {}

  static boolean startsWithSurname(String word) {
    if (word.length() < 2 || word.length() > 4) {
      return false;
    }
    if (word.length() >= 3 && COMPOUND.contains(word.substring(0, 2))) {
      return true;
    }
    return SINGLE.indexOf(word.charAt(0)) >= 0;
  }
}
