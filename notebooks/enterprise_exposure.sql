-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 企业受侵害情况
-- MAGIC
-- MAGIC 违规帖文点名的登记企业：国有企业与民营企业对比、按地区分布、受侵害最多的企业及每周走势。
-- MAGIC 数据来自 `enterprise_exposure`（按周统计，一条帖文点名多家企业时每家各计一次）。
-- MAGIC 所选季度按周起始日（周一）落在该季度内的周统计。参数 `quarter` 留空时取最新季度。

-- COMMAND ----------

CREATE WIDGET TEXT quarter DEFAULT ''

-- COMMAND ----------

-- DBTITLE 1,所有制与违规类别
-- chart: stacked-bar x=category_name y=violations series=ownership_name title="各类违规点名的企业（按所有制）"
SELECT category, category_name,
       CASE ownership WHEN 'state_owned' THEN '国有' WHEN 'private' THEN '民营' WHEN 'foreign' THEN '外资'
                      WHEN 'mixed' THEN '混合所有制' ELSE '未登记' END AS ownership_name,
       sum(violations) AS violations, count(DISTINCT enterprise_id) AS enterprises
FROM enterprise_exposure
WHERE concat(year(week_start), 'Q', quarter(week_start))
      = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM campaign_summary))
GROUP BY category, category_name, ownership
ORDER BY category, ownership_name

-- COMMAND ----------

-- DBTITLE 1,国有与民营企业：合计
-- chart: donut x=ownership_name y=violations title="违规点名次数（按所有制）"
SELECT CASE ownership WHEN 'state_owned' THEN '国有' WHEN 'private' THEN '民营' WHEN 'foreign' THEN '外资'
                      WHEN 'mixed' THEN '混合所有制' ELSE '未登记' END AS ownership_name,
       sum(violations) AS violations, count(DISTINCT enterprise_id) AS enterprises, sum(reach) AS reach
FROM enterprise_exposure
WHERE concat(year(week_start), 'Q', quarter(week_start))
      = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM campaign_summary))
GROUP BY 1
ORDER BY violations DESC

-- COMMAND ----------

-- DBTITLE 1,按地区
-- chart: stacked-bar x=region y=violations series=ownership_name title="各地区企业被点名次数（按所有制）"
SELECT coalesce(region, '未登记') AS region,
       CASE ownership WHEN 'state_owned' THEN '国有' WHEN 'private' THEN '民营' WHEN 'foreign' THEN '外资'
                      WHEN 'mixed' THEN '混合所有制' ELSE '未登记' END AS ownership_name,
       sum(violations) AS violations
FROM enterprise_exposure
WHERE concat(year(week_start), 'Q', quarter(week_start))
      = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM campaign_summary))
GROUP BY 1, 2
ORDER BY 1, 2

-- COMMAND ----------

-- DBTITLE 1,受侵害最多的企业
SELECT enterprise_id, first(enterprise_name, true) AS enterprise_name, first(ownership, true) AS ownership,
       first(region, true) AS region, sum(violations) AS violations, sum(reach) AS reach,
       count(DISTINCT week_start) AS weeks, array_sort(collect_set(category_name)) AS categories
FROM enterprise_exposure
WHERE concat(year(week_start), 'Q', quarter(week_start))
      = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM campaign_summary))
GROUP BY enterprise_id
ORDER BY violations DESC, enterprise_id
LIMIT 50

-- COMMAND ----------

-- DBTITLE 1,每周走势
-- chart: line x=week_start y=violations series=ownership_name title="每周违规点名次数（按所有制）"
SELECT week_start,
       CASE ownership WHEN 'state_owned' THEN '国有' WHEN 'private' THEN '民营' WHEN 'foreign' THEN '外资'
                      WHEN 'mixed' THEN '混合所有制' ELSE '未登记' END AS ownership_name,
       sum(violations) AS violations
FROM enterprise_exposure
GROUP BY 1, 2
ORDER BY 1, 2
