-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 平台对比
-- MAGIC
-- MAGIC 所选季度各平台的扫描量、违规量、每万条违规率及排名，与上季度的变化，以及各平台的违规类别分布。
-- MAGIC 数据来自 `platform_quarterly_metrics` 与 `platform_daily_stats`。参数 `quarter` 留空时取最新季度。

-- COMMAND ----------

CREATE WIDGET TEXT quarter DEFAULT ''

-- COMMAND ----------

-- DBTITLE 1,按违规率排名
-- chart: bar x=platform y=violation_rate_per_10k,previous_rate_per_10k title="违规率：本季度与上季度（每万条）"
SELECT rank_by_rate, platform, posts_scanned, violations, violation_rate_per_10k, previous_rate_per_10k,
       rate_change_per_10k, rate_change_pct, needs_review, accounts_involved, enterprises_targeted,
       impersonation_accounts, coordinated_clusters
FROM platform_quarterly_metrics
WHERE quarter = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM platform_quarterly_metrics))
ORDER BY rank_by_rate, platform

-- COMMAND ----------

-- DBTITLE 1,各平台违规类别
-- chart: stacked-bar x=platform y=violations series=category_name orientation=horizontal title="各平台违规帖文（按类别）"
SELECT platform, category, category_name, sum(violations) AS violations
FROM platform_daily_stats
WHERE quarter = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM platform_quarterly_metrics))
  AND category > 0
GROUP BY platform, category, category_name
HAVING sum(violations) > 0
ORDER BY platform, category

-- COMMAND ----------

-- DBTITLE 1,各平台前三类违规
SELECT q.platform, t.category, t.category_name, t.violations
FROM platform_quarterly_metrics q
LATERAL VIEW inline(q.top_categories) t AS category, category_name, violations
WHERE q.quarter = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM platform_quarterly_metrics))
ORDER BY q.rank_by_rate, t.violations DESC

-- COMMAND ----------

-- DBTITLE 1,各季度违规率走势
-- chart: line x=quarter y=violation_rate_per_10k series=platform title="各平台各季度违规率（每万条）"
SELECT quarter, platform, violation_rate_per_10k, rank_by_rate
FROM platform_quarterly_metrics
ORDER BY quarter, platform
