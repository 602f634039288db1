package io.keepline.ingest.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.keepline.contracts.imports.ImportJob;

import org.springframework.http.ResponseEntity;

/**
 * The OpenAPI description of the import status API, kept apart from the controller so
 * that the controller reads as code.
 */
@Tag(name = "imports", description = "The status of the calling operator's CSV imports")
@SecurityRequirement(name = "operatorKey")
interface ImportsApi {

	@Operation(summary = "List the calling operator's CSV imports",
			description = "The latest first, kept 30 days: id, startedAt, finishedAt, rowsRead, accepted, rejected, "
					+ "state (RUNNING, DONE, FAILED) and failure. Counts of a running import are updated every "
					+ "10,000 rows by default. POST /v1/line-events/csv names its import in the Location header.",
			responses = { @ApiResponse(responseCode = "200", description = "The imports"),
					@ApiResponse(responseCode = "401", description = "No or unknown operator key"),
					@ApiResponse(responseCode = "503", description = "Ingest is still reading imports from Kafka") })
	ResponseEntity<?> list(@Parameter(in = ParameterIn.HEADER, hidden = true) String authorization);

	@Operation(summary = "One CSV import's status",
			responses = {
					@ApiResponse(responseCode = "200", description = "The import",
							content = @Content(schema = @Schema(implementation = ImportJob.class))),
					@ApiResponse(responseCode = "400", description = "Not an import id"),
					@ApiResponse(responseCode = "401", description = "No or unknown operator key"),
					@ApiResponse(responseCode = "404", description = "No such import of this operator"),
					@ApiResponse(responseCode = "503", description = "Ingest is still reading imports from Kafka") })
	ResponseEntity<?> get(@Parameter(in = ParameterIn.HEADER, hidden = true) String authorization, String id);

}
