package io.keepline.ingest.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.OperatorId;
import io.keepline.contracts.rejected.IngestSource;
import io.keepline.ingest.BatchIngestor;
import io.keepline.ingest.IngestItem;
import io.keepline.ingest.csv.CsvImportFailed;
import io.keepline.ingest.csv.CsvImportSummary;
import io.keepline.ingest.csv.CsvImporter;
import io.keepline.ingest.csv.ImportTracker;
import io.keepline.support.web.OperatorAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator event API: a JSON batch of line events, or a CSV import of any size.
 */
@RestController
@RequestMapping("/v1/line-events")
class LineEventsController implements LineEventsApi {

	static final String TEXT_CSV = "text/csv";

	private static final Logger log = LoggerFactory.getLogger(LineEventsController.class);

	private final OperatorAuthentication authentication;

	private final JsonBatchReader batchReader;

	private final BatchIngestor ingestor;

	private final CsvImporter csvImporter;

	private final RequestLimitsSettings limits;

	private final ImportTracker importJobs;

	LineEventsController(OperatorAuthentication authentication, JsonBatchReader batchReader, BatchIngestor ingestor,
			CsvImporter csvImporter, RequestLimitsSettings limits, ImportTracker importJobs) {
		this.authentication = authentication;
		this.batchReader = batchReader;
		this.ingestor = ingestor;
		this.csvImporter = csvImporter;
		this.limits = limits;
		this.importJobs = importJobs;
	}

	@Override
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	public BatchResponse post(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) throws IOException {
		OperatorId operator = operator(authorization);
		List<JsonNode> trees = this.batchReader.read(body(request), request.getContentLengthLong());
		List<IngestItem> items = new ArrayList<>(trees.size());
		for (JsonNode tree : trees) {
			items.add(IngestItem.of(operator, "index " + items.size(), tree));
		}
		BatchResponse response = BatchResponse.of(this.ingestor.ingest(IngestSource.HTTP, items));
		log.debug("Batch from {}: {} accepted, {} rejected", operator, response.accepted(), response.rejected());
		return response;
	}

	@Override
	@PostMapping(path = "/csv", consumes = TEXT_CSV, produces = MediaType.APPLICATION_JSON_VALUE)
	public CsvImportSummary postCsv(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		OperatorId operator = operator(authorization);
		Charset charset = (request.getCharacterEncoding() != null) ? Charset.forName(request.getCharacterEncoding())
				: StandardCharsets.UTF_8;
		ImportTracker.Tracking job = this.importJobs.start(operator);
		response.setHeader(HttpHeaders.LOCATION, "/v1/imports/" + job.id());
		log.info("CSV import {} for {} started", job.id(), operator);
		// a decoder that reports bytes its charset cannot read instead of replacing them
		try (Reader reader = new InputStreamReader(body(request), charset.newDecoder())) {
			CsvImportSummary summary = this.csvImporter.importCsv(operator, reader, job::progressed);
			job.done(summary);
			return summary;
		}
		catch (CsvImportFailed ex) {
			job.failed(ex.summary(), ex.getMessage());
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			job.failed(null, "the request body could not be read to its end");
			throw ex;
		}
	}

	/** The request body, refused once the client keeps ingest waiting too long for it. */
	private InputStream body(HttpServletRequest request) throws IOException {
		return new BodyWait(request.getInputStream(), this.limits.bodyWait());
	}

	private OperatorId operator(String authorization) {
		return this.authentication.operator(authorization).orElseThrow(IngestProblem.Unauthorized::new);
	}

}
