/**
 * Evidence detectors and fusion (README, "Detectors and fusion").
 *
 * <ul>
 *   <li>Personal data (category 3): {@link io.qinglang.detect.PersonalDataPatterns} (patterns and
 *       validators), {@link io.qinglang.detect.PersonalDataRecognizer} (context scoring),
 *       {@link io.qinglang.detect.PersonalDataDetector} (over the posts table) and
 *       {@link io.qinglang.detect.PersonalDataMasker} (the masking every human-readable output uses).</li>
 *   <li>Impersonation (category 1): {@link io.qinglang.detect.ImpersonationIndex} (registry names in
 *       comparable forms, built once per JVM) and {@link io.qinglang.detect.ImpersonationDetector}.</li>
 *   <li>Coordinated campaigns (category 9): {@link io.qinglang.detect.CampaignText} (normalisation,
 *       shingles, MinHash, bands), {@link io.qinglang.detect.ConnectedComponents},
 *       {@link io.qinglang.detect.ClusterJudge} and {@link io.qinglang.detect.CampaignDetector}.</li>
 *   <li>Fusion: {@link io.qinglang.detect.FusionPolicy}; {@link io.qinglang.detect.PostDetectors}
 *       shows how the pieces plug into scoring.</li>
 *   <li>Jobs: {@link io.qinglang.detect.DetectJob}, {@link io.qinglang.detect.DetectorEvaluation},
 *       {@link io.qinglang.detect.CampaignBenchmark}.</li>
 * </ul>
 *
 * <p>Settings come from {@code qinglang.detect} ({@link io.qinglang.detect.DetectSettings}); word lists
 * from {@code conf/lexicons/} ({@link io.qinglang.detect.Lexicon}), loaded once on the driver and
 * shipped to executors inside the detectors. HanLP is used for pinyin and traditional-to-simplified
 * conversion only, through per-JVM singletons ({@link io.qinglang.detect.PinyinSource}); no HanLP
 * object is serialized.
 */
package io.qinglang.detect;
