-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 专项行动总览
-- MAGIC
-- MAGIC “清朗·优化营商网络环境 保护企业合法权益”专项行动（2023 年 4 月 24 日启动）各季度的核心数据：扫描帖文数、
-- MAGIC 违规帖文数、每万条违规率、仿冒账号和协同攻击，以及所选季度的违规类别构成与周趋势。
-- MAGIC
-- MAGIC 只读汇总表 `campaign_summary` 和 `platform_daily_stats`（由 `qinglang aggregate` 写入），不读原始帖文。
-- MAGIC 参数 `quarter` 留空时取最新季度，也可填如 `2023Q2`。

-- COMMAND ----------

CREATE WIDGET TEXT quarter DEFAULT ''

-- COMMAND ----------

-- DBTITLE 1,各季度核心数据
-- chart: line x=quarter y=violation_rate_per_10k title="各季度违规率（每万条帖文）"
SELECT quarter, posts_scanned, violations, violation_rate_per_10k, previous_rate_per_10k, rate_change_per_10k,
       needs_review, platforms_scanned, accounts_involved, enterprises_targeted, impersonation_accounts,
       coordinated_clusters, clues_referred, clues_handled, model_version
FROM campaign_summary
ORDER BY quarter

-- COMMAND ----------

-- DBTITLE 1,所选季度的违规类别构成
-- chart: bar x=category_name y=violations orientation=horizontal title="违规类别构成（帖文数）"
WITH chosen AS (
  SELECT * FROM platform_daily_stats
  WHERE quarter = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM campaign_summary))),
scanned AS (SELECT sum(posts_scanned) AS posts FROM chosen WHERE category = 0)
SELECT category, category_name, sum(violations) AS violations,
       round(10000 * sum(violations) / max(scanned.posts), 2) AS rate_per_10k
FROM chosen CROSS JOIN scanned
WHERE category > 0
GROUP BY category, category_name
ORDER BY category

-- COMMAND ----------

-- DBTITLE 1,所选季度的周趋势
-- chart: line x=week_start y=violation_rate_per_10k title="每周违规率（每万条帖文）"
SELECT CAST(date_trunc('WEEK', published_date) AS DATE) AS week_start,
       sum(CASE WHEN category = 0 THEN posts_scanned ELSE 0 END) AS posts_scanned,
       sum(violations) AS violations,
       round(10000 * sum(violations) / sum(CASE WHEN category = 0 THEN posts_scanned ELSE 0 END), 2)
         AS violation_rate_per_10k
FROM platform_daily_stats
WHERE quarter = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM campaign_summary))
GROUP BY 1
ORDER BY 1

-- COMMAND ----------

-- DBTITLE 1,各周违规类别
-- chart: stacked-bar x=week_start y=violations series=category_name title="每周违规帖文（按类别）"
SELECT CAST(date_trunc('WEEK', published_date) AS DATE) AS week_start, category_name, sum(violations) AS violations
FROM platform_daily_stats
WHERE quarter = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM campaign_summary))
  AND category > 0
GROUP BY 1, category, category_name
HAVING sum(violations) > 0
ORDER BY 1, category

-- COMMAND ----------

-- MAGIC %md
-- MAGIC 违规率 = 违规帖文数 ÷ 扫描帖文数 × 10000。`platform_daily_stats` 中每个（日期、平台）有 0–10 共 11 行，
-- MAGIC `posts_scanned` 在 11 行中相同，所以扫描数只取类别 0 的行相加。
