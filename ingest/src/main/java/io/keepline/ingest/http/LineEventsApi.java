package io.keepline.ingest.http;

import java.io.IOException;

import io.keepline.ingest.csv.CsvImportSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The OpenAPI description of the operator event API, kept apart from the controller so
 * that the controller reads as code.
 */
@Tag(name = "line events", description = "Operator integrations publish line lifecycle events")
@SecurityRequirement(name = "operatorKey")
interface LineEventsApi {

	@Operation(summary = "Publish a batch of line events",
			description = "A JSON array of at most 1,000 events (1 MiB). Every item gets a result in input order; "
					+ "an item is accepted only once Kafka acknowledged it, and a bad item never sinks the good ones. "
					+ "Reason codes: " + ApiExamples.REASONS,
			requestBody = @RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(type = "array", description = "Wire-format line events"),
							examples = @ExampleObject(name = "batch", value = ApiExamples.BATCH))),
			responses = {
					@ApiResponse(responseCode = "200", description = "One result per item", content = @Content(
							mediaType = "application/json", schema = @Schema(implementation = BatchResponse.class),
							examples = @ExampleObject(name = "results", value = ApiExamples.RESULTS))),
					@ApiResponse(responseCode = "400", description = "Not a JSON array of objects"),
					@ApiResponse(responseCode = "401", description = "No or unknown operator key"),
					@ApiResponse(responseCode = "413", description = "More than 1,000 events or 1 MiB"),
					@ApiResponse(responseCode = "415", description = "Not application/json"),
					@ApiResponse(responseCode = "503",
							description = "Kafka unavailable, or line owners not read yet: nothing was accepted") })
	BatchResponse post(@Parameter(in = ParameterIn.HEADER, hidden = true) String authorization,
			@Parameter(hidden = true) HttpServletRequest request) throws IOException;

	@Operation(summary = "Import line events from CSV",
			description = "Streamed, any size. Columns are wire field names, nested ones as dotted paths "
					+ "(holder.email, renewalPrice.amountCents), lists separated by ';' (leadDays). Rows are "
					+ "committed in chunks; the answer counts accepted and rejected rows and lists the first "
					+ "100 row errors with their line numbers. The Location header names the import, whose status "
					+ "GET /v1/imports/{id} shows while it runs and afterwards.",
			requestBody = @RequestBody(required = true,
					content = @Content(mediaType = "text/csv",
							examples = @ExampleObject(name = "csv", value = ApiExamples.CSV))),
			responses = {
					@ApiResponse(responseCode = "200", description = "Counts and first row errors",
							content = @Content(mediaType = "application/json",
									schema = @Schema(implementation = CsvImportSummary.class))),
					@ApiResponse(responseCode = "400", description = "Unknown columns or unreadable CSV"),
					@ApiResponse(responseCode = "401", description = "No or unknown operator key"),
					@ApiResponse(responseCode = "415", description = "Not text/csv"),
					@ApiResponse(responseCode = "503",
							description = "Kafka unavailable, or line owners not read yet: rows after "
									+ "lastCommittedLine were not taken") })
	CsvImportSummary postCsv(@Parameter(in = ParameterIn.HEADER, hidden = true) String authorization,
			@Parameter(hidden = true) HttpServletRequest request,
			@Parameter(hidden = true) HttpServletResponse response) throws IOException;

}
