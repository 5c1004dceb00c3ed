-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 典型案例浏览
-- MAGIC
-- MAGIC 所选季度最严重的违规帖文（`campaign_summary.typical_cases`，严重程度 = 置信度 × log10(10 + 传播量)），
-- MAGIC 以及按类别浏览 `post_violations` 中判定为违规的帖文及其证据。个人信息一律脱敏：文字经
-- MAGIC `mask_personal_data(...)` 处理（Qinglang 运行笔记本时注册该函数；在其他工具中运行前请先注册它）。
-- MAGIC
-- MAGIC 参数：`quarter` 留空取最新季度；`category` 留空为全部类别，也可填 1–10。

-- COMMAND ----------

CREATE WIDGET TEXT quarter DEFAULT ''

-- COMMAND ----------

CREATE WIDGET TEXT category DEFAULT ''

-- COMMAND ----------

-- DBTITLE 1,季度典型案例
SELECT c.rank, c.platform, c.published_at, c.category, c.category_name, round(c.confidence, 3) AS confidence,
       c.reach, mask_personal_data(c.account_name) AS account_name, c.enterprise_ids,
       mask_personal_data(c.excerpt) AS excerpt,
       transform(c.evidence, e -> mask_personal_data(e)) AS evidence
FROM campaign_summary s
LATERAL VIEW explode(s.typical_cases) t AS c
WHERE s.quarter = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM campaign_summary))
  AND (nullif(:category, '') IS NULL OR c.category = CAST(nullif(:category, '') AS INT))
ORDER BY c.rank

-- COMMAND ----------

-- DBTITLE 1,违规帖文（按严重程度，前 200 条）
WITH chosen AS (
  SELECT quarter, model_version,
         make_date(CAST(substr(quarter, 1, 4) AS INT), (CAST(substr(quarter, 6, 1) AS INT) - 1) * 3 + 1, 1)
           AS first_day
  FROM campaign_summary
  WHERE quarter = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM campaign_summary)))
SELECT v.platform, v.published_at, v.category, v.category_name, round(v.confidence, 3) AS confidence, v.reach,
       v.needs_review, mask_personal_data(v.account_name) AS account_name, v.enterprise_ids,
       mask_personal_data(concat_ws('；', transform(v.evidence,
         e -> concat(e.source, '/', e.kind, ': ', coalesce(e.detail, e.span, ''))))) AS evidence
FROM post_violations v JOIN chosen c
  ON v.model_version = c.model_version
 AND v.published_date >= c.first_day AND v.published_date < add_months(c.first_day, 3)
WHERE v.category > 0
  AND (nullif(:category, '') IS NULL OR v.category = CAST(nullif(:category, '') AS INT))
ORDER BY v.confidence * log10(10 + coalesce(v.reach, 0)) DESC, v.platform, v.post_id
LIMIT 200

-- COMMAND ----------

-- DBTITLE 1,待人工复核的帖文数
-- chart: stacked-bar x=platform y=posts series=category_name title="待人工复核（按平台、类别）"
WITH chosen AS (
  SELECT model_version,
         make_date(CAST(substr(quarter, 1, 4) AS INT), (CAST(substr(quarter, 6, 1) AS INT) - 1) * 3 + 1, 1)
           AS first_day
  FROM campaign_summary
  WHERE quarter = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM campaign_summary)))
SELECT v.platform, v.category_name, count(*) AS posts
FROM post_violations v JOIN chosen c
  ON v.model_version = c.model_version
 AND v.published_date >= c.first_day AND v.published_date < add_months(c.first_day, 3)
WHERE v.needs_review
GROUP BY v.platform, v.category, v.category_name
ORDER BY v.platform, v.category
