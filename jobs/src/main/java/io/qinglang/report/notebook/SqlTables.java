package io.qinglang.report.notebook;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.RelationTimeTravel;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import scala.jdk.javaapi.CollectionConverters;

/** The tables a SQL statement reads, found by Spark's own parser (common table expressions excluded). */
public final class SqlTables {
  private SqlTables() {}

  /** Lower-case bare names (the last part of each table name) of the tables {@code sql} reads. */
  public static Set<String> referenced(SparkSession spark, String sql)
      throws org.apache.spark.sql.catalyst.parser.ParseException {
    LogicalPlan plan = spark.sessionState().sqlParser().parsePlan(sql);
    Set<String> tables = new TreeSet<>();
    Set<String> ctes = new TreeSet<>();
    walk(plan, tables, ctes);
    tables.removeAll(ctes);
    return tables;
  }

  private static void walk(LogicalPlan plan, Set<String> tables, Set<String> ctes) {
    if (plan instanceof UnresolvedRelation r) {
      tables.add(r.multipartIdentifier().last().toLowerCase(Locale.ROOT));
    }
    if (plan instanceof RelationTimeTravel t) {
      walk(t.relation(), tables, ctes);
    }
    if (plan instanceof UnresolvedWith w) {
      CollectionConverters.asJava(w.cteRelations()).forEach(c -> {
        ctes.add(c._1().toLowerCase(Locale.ROOT));
        walk(c._2(), tables, ctes);
      });
    }
    CollectionConverters.asJava(plan.children()).forEach(c -> walk(c, tables, ctes));
    for (Object inner : CollectionConverters.asJava(plan.innerChildren())) {
      if (inner instanceof LogicalPlan p) {
        walk(p, tables, ctes);
      }
    }
    CollectionConverters.asJava(plan.expressions()).forEach(e -> walk(e, tables, ctes));
  }

  private static void walk(Expression e, Set<String> tables, Set<String> ctes) {
    if (e instanceof SubqueryExpression s) {
      walk(s.plan(), tables, ctes);
    }
    CollectionConverters.asJava(e.children()).forEach(c -> walk(c, tables, ctes));
  }
}
