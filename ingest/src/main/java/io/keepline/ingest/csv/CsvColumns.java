package io.keepline.ingest.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.keepline.contracts.json.EventJson;
import io.keepline.ingest.validation.LineEventValidator;
import io.keepline.ingest.validation.WireKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns CSV rows into wire-format JSON trees: columns are wire field names, nested ones
 * as dotted paths ({@code holder.email}), lists separated by {@code ;}. An empty cell is
 * an absent field; a cell that does not convert stays text so that validation names it.
 */
final class CsvColumns {

	private static final String LIST_SEPARATOR = ";";

	private static final String BOM = "\uFEFF";

	/** The wire format's fields, as contracts declares them. */
	private static final Map<String, WireKind> KNOWN = LineEventValidator.fields();

	private static final JsonNodeFactory NODES = EventJson.mapper().getNodeFactory();

	private final List<Column> columns;

	private CsvColumns(List<Column> columns) {
		this.columns = columns;
	}

	/**
	 * The columns of a header row; unknown names make the whole import a bad request.
	 */
	static CsvColumns of(List<String> header) {
		List<Column> columns = new ArrayList<>(header.size());
		List<String> unknown = new ArrayList<>();
		for (String cell : header) {
			// Spreadsheet exports often start with a byte order mark.
			String name = (columns.isEmpty() && unknown.isEmpty() && cell.startsWith(BOM)) ? cell.substring(1) : cell;
			WireKind kind = KNOWN.get(name);
			if (kind == null) {
				unknown.add(name);
				continue;
			}
			int dot = name.indexOf('.');
			columns.add((dot < 0) ? new Column(null, name, kind)
					: new Column(name.substring(0, dot), name.substring(dot + 1), kind));
		}
		if (!unknown.isEmpty()) {
			throw new CsvImportFailed.BadCsv("Unknown columns " + unknown + "; columns are wire field names such as "
					+ "type, eventId, msisdn, holder.email, renewalPrice.amountCents, leadDays", 0);
		}
		if (columns.stream().noneMatch((column) -> column.parent() == null && column.field().equals("type"))) {
			throw new CsvImportFailed.BadCsv("The header row must name a type column", 0);
		}
		return new CsvColumns(List.copyOf(columns));
	}

	ObjectNode toJson(List<String> cells) {
		ObjectNode root = NODES.objectNode();
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i);
			if (cell.isEmpty()) {
				continue;
			}
			if (i >= this.columns.size()) {
				root.put("column" + (i + 1), cell);
				continue;
			}
			Column column = this.columns.get(i);
			ObjectNode parent = (column.parent() != null) ? child(root, column.parent()) : root;
			parent.set(column.field(), value(column.kind(), cell));
		}
		return root;
	}

	private static ObjectNode child(ObjectNode root, String name) {
		return (root.get(name) instanceof ObjectNode existing) ? existing : root.putObject(name);
	}

	private static JsonNode value(WireKind kind, String cell) {
		return switch (kind) {
			case TEXT -> NODES.stringNode(cell);
			case INTEGER -> integer(cell);
			case BOOLEAN -> switch (cell.toLowerCase(Locale.ROOT)) {
				case "true" -> NODES.booleanNode(true);
				case "false" -> NODES.booleanNode(false);
				default -> NODES.stringNode(cell);
			};
			case INTEGER_LIST -> list(cell);
		};
	}

	private static JsonNode integer(String cell) {
		try {
			return NODES.numberNode(Long.parseLong(cell.trim()));
		}
		catch (NumberFormatException ex) {
			return NODES.stringNode(cell);
		}
	}

	private static ArrayNode list(String cell) {
		ArrayNode array = NODES.arrayNode();
		for (String element : cell.split(LIST_SEPARATOR, -1)) {
			array.add(integer(element));
		}
		return array;
	}

	private record Column(String parent, String field, WireKind kind) {

	}

}
