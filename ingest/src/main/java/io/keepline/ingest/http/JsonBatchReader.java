package io.keepline.ingest.http;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.keepline.contracts.json.EventJson;
import io.keepline.ingest.IngestSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import org.springframework.stereotype.Component;

/**
 * Streams a batch body into one JSON tree per item, enforcing the byte and item limits
 * while reading: a body that is not a JSON array of objects is a bad request (saying why
 * without quoting the input), one over a limit is too large.
 */
@Component
class JsonBatchReader {

	private static final ObjectReader READER = EventJson.mapper()
		.reader()
		.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	/**
	 * What Jackson quotes from the input (a token, a property name): never echoed back.
	 */
	private static final Pattern QUOTED = Pattern.compile("'([^']{2,})'|\"[^\"]*\"");

	private static final Set<String> KEYWORDS = Set.of("null", "true", "false");

	private final long maxBytes;

	private final int maxItems;

	JsonBatchReader(IngestSettings settings) {
		this.maxBytes = settings.maxBatchSize().toBytes();
		this.maxItems = settings.maxBatchItems();
	}

	private static String withoutValues(String message) {
		return QUOTED.matcher(message).replaceAll((quoted) -> keyword(quoted.group(1)) ? quoted.group() : "'…'");
	}

	private static boolean keyword(String quoted) {
		return quoted != null && KEYWORDS.contains(quoted);
	}

	List<JsonNode> read(InputStream body, long contentLength) {
		if (contentLength > this.maxBytes) {
			throw new IngestProblem.TooLarge("The body is larger than " + this.maxBytes + " bytes");
		}
		try (JsonParser parser = READER.createParser(new LimitedInputStream(body, this.maxBytes))) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				throw new IngestProblem.BadRequest("The body must be a JSON array of event objects");
			}
			List<JsonNode> items = new ArrayList<>();
			for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
				if (token != JsonToken.START_OBJECT) {
					throw new IngestProblem.BadRequest("Item " + items.size() + " is not a JSON object");
				}
				if (items.size() == this.maxItems) {
					throw new IngestProblem.TooLarge("A batch holds at most " + this.maxItems + " events");
				}
				items.add(READER.readTree(parser));
			}
			if (parser.nextToken() != null) {
				throw new IngestProblem.BadRequest("Nothing may follow the JSON array");
			}
			return items;
		}
		catch (JacksonException ex) {
			for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof IngestProblem problem) {
					throw problem;
				}
			}
			throw new IngestProblem.BadRequest("The body is not valid JSON: " + withoutValues(ex.getOriginalMessage()));
		}
	}

}
