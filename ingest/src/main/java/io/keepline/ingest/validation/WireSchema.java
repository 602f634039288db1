package io.keepline.ingest.validation;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The wire format of one topic as contracts declares it, derived rather than copied: the
 * event types are the records its sealed interface permits, named by their Jackson type
 * ids (the {@code type} discriminator contracts' {@code EventJson} writes); the fields of
 * each, their nesting and their types are the records' components. Ingest adds only its
 * {@link FieldRules}.
 */
final class WireSchema {

	private final String discriminator;

	private final Map<String, RecordShape> types;

	private WireSchema(String discriminator, Map<String, RecordShape> types) {
		this.discriminator = discriminator;
		this.types = types;
	}

	/**
	 * The schema of the records {@code root} permits (nested sealed interfaces included).
	 * @throws IllegalStateException when {@code root} is not a sealed interface with a
	 * Jackson type discriminator, a rule names no field of contracts, or a field has a
	 * type ingest cannot read
	 */
	static WireSchema of(Class<?> root, FieldRules rules) {
		JsonTypeInfo info = root.getAnnotation(JsonTypeInfo.class);
		if (!root.isSealed() || info == null || info.use() != JsonTypeInfo.Id.NAME) {
			throw new IllegalStateException(root.getName() + " is not a sealed interface with Jackson type names");
		}
		rules.verify();
		String discriminator = info.property().isEmpty() ? info.use().getDefaultPropertyName() : info.property();
		Map<String, RecordShape> types = new LinkedHashMap<>();
		collect(root, root, rules, discriminator, types);
		return new WireSchema(discriminator, Map.copyOf(types));
	}

	private static void collect(Class<?> root, Class<?> type, FieldRules rules, String discriminator,
			Map<String, RecordShape> types) {
		if (type.isSealed()) {
			for (Class<?> permitted : type.getPermittedSubclasses()) {
				collect(root, permitted, rules, discriminator, types);
			}
			return;
		}
		if (rules.fromOperators(type)) {
			types.put(typeId(root, type), RecordShape.of(type, rules, discriminator));
		}
	}

	/**
	 * The type id Jackson gives {@code type}: its name in the root's
	 * {@code @JsonSubTypes}, else its {@code @JsonTypeName}, else its simple name.
	 */
	static String typeId(Class<?> root, Class<?> type) {
		JsonSubTypes subTypes = root.getAnnotation(JsonSubTypes.class);
		if (subTypes != null) {
			for (JsonSubTypes.Type subType : subTypes.value()) {
				if (subType.value().equals(type) && !subType.name().isEmpty()) {
					return subType.name();
				}
			}
		}
		JsonTypeName name = type.getAnnotation(JsonTypeName.class);
		return (name != null && !name.value().isEmpty()) ? name.value() : type.getSimpleName();
	}

	/** The name of the field that says an item's type. */
	String discriminator() {
		return this.discriminator;
	}

	/** The shape of the type named {@code typeId}, or null when there is none. */
	RecordShape type(String typeId) {
		return this.types.get(typeId);
	}

	/**
	 * Every field an item of some type may carry, the fields of nested records as dotted
	 * paths ({@code holder.email}), with their JSON shape.
	 */
	Map<String, WireKind> fields() {
		Map<String, WireKind> fields = new LinkedHashMap<>();
		fields.put(this.discriminator, WireKind.TEXT);
		for (RecordShape type : this.types.values()) {
			for (RecordShape.Component component : type.components()) {
				if (component.nested() == null) {
					fields.put(component.name(), component.kind());
					continue;
				}
				for (RecordShape.Component child : component.nested().components()) {
					fields.put(component.name() + "." + child.name(), child.kind());
				}
			}
		}
		return Map.copyOf(fields);
	}

	/**
	 * How a record component is read: ingest's rule for it, else as the record it holds,
	 * else by its type.
	 */
	static WireValue valueOf(RecordComponent component, RecordShape nested, FieldRules rules) {
		WireValue own = rules.value(component.getDeclaringRecord(), component.getName());
		if (own != null) {
			return own;
		}
		return (nested != null) ? object(nested) : valueOf(component.getGenericType(), component, rules);
	}

	/**
	 * Whether a value of {@code type} is a JSON object of its own: a record that is not
	 * one of the value objects read from a string ({@link WireValues}).
	 */
	static boolean isNested(Class<?> type) {
		return type.isRecord() && WireValues.of(type) == null;
	}

	/** The JSON shape of a scalar or list field of {@code type}. */
	static WireKind kind(Type type) {
		if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
			Type element = list.getActualTypeArguments()[0];
			return (element instanceof Class<?> plain && WireValues.kind(plain) == WireKind.INTEGER)
					? WireKind.INTEGER_LIST : WireKind.TEXT;
		}
		return (type instanceof Class<?> plain) ? WireValues.kind(plain) : WireKind.TEXT;
	}

	private static WireValue valueOf(Type type, RecordComponent component, FieldRules rules) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
			return WireValues.list(valueOf(parameterized.getActualTypeArguments()[0], component, rules));
		}
		if (type instanceof Class<?> plain && isNested(plain)) {
			return object(RecordShape.of(plain, rules, null));
		}
		WireValue scalar = (type instanceof Class<?> plain) ? WireValues.of(plain) : null;
		if (scalar == null) {
			throw new IllegalStateException(component.getDeclaringRecord().getSimpleName() + "." + component.getName()
					+ " is a " + type.getTypeName() + ", which ingest cannot read: add it to WireValues");
		}
		return scalar;
	}

	private static WireValue object(RecordShape shape) {
		return (node, path, reading) -> {
			if (!node.isObject()) {
				reading.problems().add(path, Reasons.WRONG_TYPE);
				return null;
			}
			return shape.read(node, path + ".", reading, Map.of());
		};
	}

}
