-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 模型质量
-- MAGIC
-- MAGIC 每个模型版本在各标注集上的评估结果（`qinglang train` 的验证集与 `qinglang evaluate` 的标注目录，
-- MAGIC 表 `model_evaluations`）：宏平均 F1、准确率、误报率（类别 0 被判为违规的比例）和难负例误报率，
-- MAGIC 以及所选模型版本每个类别的精确率、召回率、F1 与混淆矩阵。
-- MAGIC 参数 `model_version` 留空时取最近评估的版本，`dataset` 留空时取该版本最近评估的标注集。
-- MAGIC
-- MAGIC 误报（把正当批评、如实报道当作违规）是最严重的错误：请优先看难负例误报率。

-- COMMAND ----------

CREATE WIDGET TEXT model_version DEFAULT ''

-- COMMAND ----------

CREATE WIDGET TEXT dataset DEFAULT ''

-- COMMAND ----------

-- DBTITLE 1,各版本、各标注集的最近一次评估
-- chart: bar x=model_version y=macro_f1 series=dataset title="宏平均 F1（各模型版本、各标注集）"
SELECT model_version, dataset, evaluation_id, evaluated_at, macro_f1, accuracy, false_positive_rate,
       hard_negative_false_positive_rate, hard_negatives, posts
FROM (
  SELECT model_version, dataset, evaluation_id, evaluated_at,
         max(macro_f1) AS macro_f1, max(accuracy) AS accuracy, max(false_positive_rate) AS false_positive_rate,
         max(hard_negative_false_positive_rate) AS hard_negative_false_positive_rate,
         max(hard_negatives) AS hard_negatives, max(posts) AS posts,
         row_number() OVER (PARTITION BY model_version, dataset ORDER BY evaluated_at DESC, evaluation_id DESC) AS n
  FROM model_evaluations
  GROUP BY model_version, dataset, evaluation_id, evaluated_at)
WHERE n = 1
ORDER BY model_version, dataset

-- COMMAND ----------

-- DBTITLE 1,所选评估的各类别精确率、召回率与 F1
-- chart: bar x=category_name y=precision,recall,f1 orientation=horizontal title="各类别精确率、召回率与 F1"
WITH chosen AS (
  SELECT evaluation_id FROM model_evaluations
  WHERE model_version = coalesce(nullif(:model_version, ''),
                                 (SELECT max_by(model_version, evaluated_at) FROM model_evaluations))
    AND (nullif(:dataset, '') IS NULL OR dataset = :dataset)
  ORDER BY evaluated_at DESC, evaluation_id DESC
  LIMIT 1)
SELECT e.model_version, e.dataset, e.category, e.category_name, e.precision, e.recall, e.f1, e.support, e.predicted
FROM model_evaluations e JOIN chosen c ON e.evaluation_id = c.evaluation_id
ORDER BY e.category

-- COMMAND ----------

-- DBTITLE 1,所选评估的混淆矩阵（行：真实类别，列：判定类别）
WITH chosen AS (
  SELECT evaluation_id FROM model_evaluations
  WHERE model_version = coalesce(nullif(:model_version, ''),
                                 (SELECT max_by(model_version, evaluated_at) FROM model_evaluations))
    AND (nullif(:dataset, '') IS NULL OR dataset = :dataset)
  ORDER BY evaluated_at DESC, evaluation_id DESC
  LIMIT 1)
SELECT e.category, e.category_name,
       e.confusion_row[0] AS to_0, e.confusion_row[1] AS to_1, e.confusion_row[2] AS to_2,
       e.confusion_row[3] AS to_3, e.confusion_row[4] AS to_4, e.confusion_row[5] AS to_5,
       e.confusion_row[6] AS to_6, e.confusion_row[7] AS to_7, e.confusion_row[8] AS to_8,
       e.confusion_row[9] AS to_9, e.confusion_row[10] AS to_10, e.support
FROM model_evaluations e JOIN chosen c ON e.evaluation_id = c.evaluation_id
ORDER BY e.category
