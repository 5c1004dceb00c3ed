package io.qinglang.ml;

import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NumericAttribute;
import org.apache.spark.sql.types.Metadata;

/**
 * ML attribute metadata for vector columns: size and feature names, so that VectorAssembler knows
 * the size without looking at a row (which would start an extra Spark job on every transform).
 */
final class VectorMetadata {
  private VectorMetadata() {}

  static Metadata of(String column, String[] names) {
    Attribute[] attributes = new Attribute[names.length];
    for (int i = 0; i < names.length; i++) {
      attributes[i] = NumericAttribute.defaultAttr().withName(names[i]).withIndex(i);
    }
    return new AttributeGroup(column, attributes).toMetadata();
  }
}
