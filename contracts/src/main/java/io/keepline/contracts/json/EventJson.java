package io.keepline.contracts.json;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.keepline.contracts.FieldError;
import io.keepline.contracts.InvalidValueException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of Keepline's wire format (Jackson 3): unknown fields are
 * rejected, dates are ISO strings, absent optional fields are left out, and every failure
 * is reported as a {@link FieldError}.
 */
public final class EventJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
		@Override
		protected ObjectReader computeValue(Class<?> type) {
			return MAPPER.readerFor(type);
		}
	};

	private static final ClassValue<ObjectWriter> WRITERS = new ClassValue<>() {
		@Override
		protected ObjectWriter computeValue(Class<?> type) {
			return MAPPER.writerFor(type);
		}
	};

	private EventJson() {
	}

	/** The configured mapper, for code that needs trees or streaming. */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	public static <T> T read(byte[] json, Class<T> type) {
		ObjectReader reader = READERS.get(type);
		try {
			return reader.readValue(json);
		}
		catch (JacksonException ex) {
			throw malformed(ex);
		}
	}

	public static <T> T read(String json, Class<T> type) {
		ObjectReader reader = READERS.get(type);
		try {
			return reader.readValue(json);
		}
		catch (JacksonException ex) {
			throw malformed(ex);
		}
	}

	public static <T> T read(JsonNode tree, Class<T> type) {
		try {
			return MAPPER.treeToValue(tree, type);
		}
		catch (JacksonException ex) {
			throw malformed(ex);
		}
	}

	/**
	 * Writes {@code value} as {@code type}, so that a sealed interface's {@code type}
	 * discriminator is included.
	 */
	public static byte[] write(Object value, Class<?> type) {
		return WRITERS.get(type).writeValueAsBytes(value);
	}

	public static String writeString(Object value, Class<?> type) {
		return WRITERS.get(type).writeValueAsString(value);
	}

	/** Translates a Jackson failure into the field at fault and a reason code. */
	public static MalformedEventException malformed(JacksonException ex) {
		String path = path(ex.getPath());
		InvalidValueException invalid = findInvalidValue(ex);
		if (invalid != null) {
			String field = (invalid.field() != null) ? join(path, invalid.field()) : path;
			return new MalformedEventException(new FieldError(orRoot(field), invalid.reason()), ex);
		}
		if (ex instanceof UnrecognizedPropertyException) {
			return new MalformedEventException(new FieldError(orRoot(path), "unknown_field"), ex);
		}
		if (ex instanceof InvalidTypeIdException typeId) {
			String reason = (typeId.getTypeId() == null) ? "required" : "unknown_type";
			return new MalformedEventException(new FieldError(join(path, "type"), reason), ex);
		}
		if (ex instanceof StreamReadException && !(ex instanceof MismatchedInputException)) {
			return new MalformedEventException(new FieldError(orRoot(path), "malformed_json"), ex);
		}
		if (ex instanceof MismatchedInputException mismatch) {
			return new MalformedEventException(new FieldError(orRoot(path), reasonFor(mismatch.getTargetType())), ex);
		}
		return new MalformedEventException(new FieldError(orRoot(path), "invalid"), ex);
	}

	private static String reasonFor(Class<?> target) {
		if (target == null) {
			return "wrong_type";
		}
		if (UUID.class.equals(target)) {
			return "invalid_uuid";
		}
		if (LocalDate.class.equals(target)) {
			return "invalid_date";
		}
		if (ZoneId.class.isAssignableFrom(target)) {
			return "invalid_time_zone";
		}
		if (Currency.class.equals(target)) {
			return "invalid_currency";
		}
		if (target.isEnum()) {
			return "unsupported_value";
		}
		return "wrong_type";
	}

	private static InvalidValueException findInvalidValue(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidValueException invalid) {
				return invalid;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String join(String path, String field) {
		return path.isEmpty() ? field : path + "." + field;
	}

	private static String orRoot(String path) {
		return path.isEmpty() ? "$" : path;
	}

}
