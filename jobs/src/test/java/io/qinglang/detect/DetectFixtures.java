package io.qinglang.detect;

import io.qinglang.config.ConfigLoader;
import io.qinglang.config.InputResource;
import io.qinglang.config.QinglangConfig;
import io.qinglang.registry.EnterpriseRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small registry and the detectors built from the shipped lexicons, shared by the detector tests. */
final class DetectFixtures {
  static final String REGISTRY = String.join("\n",
      "enterprise_id,name,short_names,brands,ownership,industry,region,official_accounts",
      "E0001,贵州茅台酒股份有限公司,贵州茅台|茅台,飞天茅台|茅台王子,state_owned,白酒,贵州,weibo:moutai_official|wechat:gh_moutai",
      "E0002,比亚迪股份有限公司,比亚迪,比亚迪汽车|BYD|仰望|腾势,private,汽车整车,广东,weibo:byd_official|douyin:byd_auto|web:byd.com",
      "E0003,中国石油化工股份有限公司,中国石化,中石化|易捷,state_owned,石油加工,北京,weibo:sinopec_official",
      "E0004,美的集团股份有限公司,美的集团|美的,美的空调|小天鹅|COLMO,private,家用电器,广东,weibo:midea_group|wechat:gh_midea",
      "E0005,星澜科技股份有限公司,星澜科技|星澜,星澜手机|XINGLAN,private,消费电子,浙江,weibo:xinglan_official|appstore:xinglan_dev",
      "");

  static final QinglangConfig CONFIG = ConfigLoader.load(null);
  static final DetectSettings SETTINGS = DetectSettings.of(CONFIG);
  static final EnterpriseRegistry REG = registry();
  static final DetectorResources RESOURCES = DetectorResources.load(SETTINGS);

  private DetectFixtures() {}

  private static EnterpriseRegistry registry() {
    try {
      Path file = Files.createTempFile("registry-", ".csv");
      Files.writeString(file, REGISTRY, StandardCharsets.UTF_8);
      file.toFile().deleteOnExit();
      return EnterpriseRegistry.load(InputResource.file(file), CONFIG.platforms());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ImpersonationDetector impersonation() {
    return RESOURCES.impersonation(REG);
  }

  /** The bundled coordination settings with these two changed. */
  static DetectSettings.Coordination coordination(double rewordedSimilarity, int burstMaxPosts) {
    DetectSettings.Coordination c = SETTINGS.coordination();
    return new DetectSettings.Coordination(c.shingleSize(), c.bands(), c.rowsPerBand(), c.jaccardThreshold(),
        c.minChars(), c.allPairsBucketSize(), c.maxBucketSize(), c.minClusterPosts(), c.minAccounts(),
        c.minPlatforms(), c.windowHours(), c.negativeShare(), c.laterWindowShare(), c.hostileProbability(), c.seed(),
        c.driverComponentsMaxEdges(), c.maxIterations(), c.contentTypes(), rewordedSimilarity,
        c.rewordedMaxBlockPosts(), c.burstWindowHours(), c.burstEntry(), c.burstMean(), c.burstShare(), burstMaxPosts);
  }
}
