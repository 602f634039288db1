package io.keepline.ingest.validation;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.keepline.contracts.InvalidValueException;
import tools.jackson.databind.JsonNode;

/**
 * One record type of the wire format as contracts declares it: its fields (the record's
 * components, each read by ingest's rule for it or for its type), and its canonical
 * constructor, which builds the value once every field is fine and has the last word on
 * any contracts rule ingest does not check itself.
 */
final class RecordShape {

	private final Class<?> type;

	private final List<Component> components;

	private final Set<String> allowed;

	private final Constructor<?> constructor;

	private final FieldRules.ObjectCheck check;

	private RecordShape(Class<?> type, List<Component> components, Set<String> allowed, Constructor<?> constructor,
			FieldRules.ObjectCheck check) {
		this.type = type;
		this.components = components;
		this.allowed = allowed;
		this.constructor = constructor;
		this.check = check;
	}

	/**
	 * The shape of {@code type}; {@code discriminator} names the field that tells the
	 * type, when there is one.
	 */
	static RecordShape of(Class<?> type, FieldRules rules, String discriminator) {
		if (!type.isRecord()) {
			throw new IllegalStateException(type.getName() + " is not a record: ingest reads records only");
		}
		RecordComponent[] declared = type.getRecordComponents();
		List<Component> components = new ArrayList<>(declared.length);
		Set<String> allowed = new HashSet<>();
		Class<?>[] parameters = new Class<?>[declared.length];
		for (int i = 0; i < declared.length; i++) {
			RecordComponent component = declared[i];
			parameters[i] = component.getType();
			allowed.add(component.getName());
			RecordShape nested = WireSchema.isNested(component.getType()) ? of(component.getType(), rules, null) : null;
			components.add(new Component(component.getName(), WireSchema.valueOf(component, nested, rules),
					rules.required(type, component.getName()) || component.getType().isPrimitive(), nested,
					WireSchema.kind(component.getGenericType())));
		}
		if (discriminator != null) {
			allowed.add(discriminator);
		}
		try {
			return new RecordShape(type, List.copyOf(components), Set.copyOf(allowed),
					type.getDeclaredConstructor(parameters), rules.objectCheck(type));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(type.getName() + " has no canonical constructor", ex);
		}
	}

	Class<?> type() {
		return this.type;
	}

	List<Component> components() {
		return this.components;
	}

	/**
	 * Reads {@code object} into this record: every field that is not one of {@code known}
	 * (fields the caller has read already) is read and checked, unknown fields are named,
	 * and the record is built only when no problem was found.
	 * @param prefix the path of the object, such as {@code holder.}, empty at the top
	 * @return the record, or null when a problem was found
	 */
	Object read(JsonNode object, String prefix, Reading reading, Map<String, Object> known) {
		FieldProblems problems = reading.problems();
		// at the top every problem of the item is one of this object, those of the known
		// fields included
		int before = prefix.isEmpty() ? 0 : problems.size();
		Fields.rejectUnknown(object, this.allowed, prefix, problems);
		Object[] arguments = new Object[this.components.size()];
		for (int i = 0; i < arguments.length; i++) {
			Component component = this.components.get(i);
			if (known.containsKey(component.name())) {
				arguments[i] = known.get(component.name());
				continue;
			}
			String path = prefix + component.name();
			JsonNode node = Fields.present(object, component.name());
			if (node == null) {
				if (component.required()) {
					problems.add(path, Reasons.REQUIRED);
				}
				continue;
			}
			arguments[i] = component.value().read(node, path, reading);
		}
		if (this.check != null) {
			this.check.check(object, prefix.isEmpty() ? "$" : prefix.substring(0, prefix.length() - 1), problems);
		}
		return (problems.size() == before) ? construct(arguments, prefix, problems) : null;
	}

	private Object construct(Object[] arguments, String prefix, FieldProblems problems) {
		try {
			return this.constructor.newInstance(arguments);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof InvalidValueException invalid) {
				String field = (invalid.field() != null) ? prefix + invalid.field()
						: prefix.isEmpty() ? "$" : prefix.substring(0, prefix.length() - 1);
				problems.add(field, invalid.reason());
				return null;
			}
			throw new IllegalStateException("cannot build a " + this.type.getSimpleName(), ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot build a " + this.type.getSimpleName(), ex);
		}
	}

	/**
	 * One field: its name, how its value is read, whether an item must carry it, the
	 * shape of the record it holds (null for a scalar or a list) and its JSON shape
	 * otherwise.
	 */
	record Component(String name, WireValue value, boolean required, RecordShape nested, WireKind kind) {

	}

}
