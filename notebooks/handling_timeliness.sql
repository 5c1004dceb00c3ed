-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 平台处置时效
-- MAGIC
-- MAGIC 移交给各平台的线索（处置记录，`qinglang ingest --kind disposals`）在所选季度的处置情况：
-- MAGIC 移交数、已处置数、处置用时中位数和第 90 百分位（小时）、24 小时与 72 小时内处置比例、仍待处置与拒绝处置比例。
-- MAGIC 数据来自 `handling_timeliness`。参数 `quarter` 留空时取最新季度。

-- COMMAND ----------

CREATE WIDGET TEXT quarter DEFAULT ''

-- COMMAND ----------

-- DBTITLE 1,各平台处置用时
-- chart: bar x=platform y=median_hours_to_handle,p90_hours_to_handle title="处置用时（小时）：中位数与第 90 百分位"
SELECT platform, clues_referred, clues_handled, clues_pending, clues_rejected, median_hours_to_handle,
       p90_hours_to_handle, share_handled_24h, share_handled_72h, share_pending, share_rejected
FROM handling_timeliness
WHERE quarter = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM handling_timeliness))
ORDER BY median_hours_to_handle, platform

-- COMMAND ----------

-- DBTITLE 1,及时处置比例
-- chart: bar x=platform y=share_handled_24h,share_handled_72h,share_pending title="24 小时、72 小时内处置与仍待处置的比例"
SELECT platform, share_handled_24h, share_handled_72h, share_pending, share_rejected
FROM handling_timeliness
WHERE quarter = coalesce(nullif(:quarter, ''), (SELECT max(quarter) FROM handling_timeliness))
ORDER BY share_handled_72h DESC, platform

-- COMMAND ----------

-- DBTITLE 1,各季度走势
-- chart: line x=quarter y=median_hours_to_handle series=platform title="各季度处置用时中位数（小时）"
SELECT quarter, platform, clues_referred, median_hours_to_handle, share_handled_72h
FROM handling_timeliness
ORDER BY quarter, platform
