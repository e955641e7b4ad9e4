package org.safebed.platform.web.input;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;

/**
 * The contracts' {@code uniqueItems}: the generators make such a list a {@link Set}, into which a
 * repeated item would silently collapse. Read through this module, a JSON array bound to a set is
 * read as a list first and refused when two of its items are equal.
 */
final class UniqueItems {

  private UniqueItems() {}

  static SimpleModule module() {
    return new SimpleModule("safebed-unique-items").setDeserializerModifier(new ValueDeserializerModifier() {
      @Override
      public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
          BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
        return type.isTypeOrSubTypeOf(Set.class) ? new RepeatedItemsRefused(type) : deserializer;
      }
    });
  }

  private static final class RepeatedItemsRefused extends StdDeserializer<Set<Object>> {

    private final JavaType item;

    RepeatedItemsRefused(CollectionType type) {
      super(type);
      this.item = type.getContentType();
    }

    @Override
    public Set<Object> deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
      List<Object> items = context.readValue(parser, context.getTypeFactory().constructCollectionType(List.class, item));
      Set<Object> distinct = new LinkedHashSet<>(items);
      if (distinct.size() != items.size()) {
        // Names neither the item nor the property: the caller knows what she sent.
        return context.reportInputMismatch(this, "an item is repeated in a list whose items must differ");
      }
      return distinct;
    }
  }
}
