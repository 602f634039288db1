package io.keepline.ingest.lines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The OpenAPI description of the operator API over lines, kept apart from the controller
 * so that the controller reads as code.
 */
@Tag(name = "lines", description = "An operator's own lines: list and search, timeline, export, resend a reminder")
@SecurityRequirement(name = "operatorKey")
interface LinesApi {

	@Operation(summary = "List and search the calling operator's lines",
			description = "From the line records, in msisdn order, without holder data. A page may hold fewer lines "
					+ "than limit when filters are selective (each page reads at most 20,000 lines); follow "
					+ "nextCursor until it is null. Each bad parameter is named in the 400's errors.",
			responses = { @ApiResponse(responseCode = "200", description = "A page of lines and the next cursor"),
					@ApiResponse(responseCode = "400", description = "A bad parameter, named in errors[].field"),
					@ApiResponse(responseCode = "401", description = "No or unknown operator key"),
					@ApiResponse(responseCode = "503", description = "Ingest is still reading lines from Kafka") })
	LineDirectory.Page list(@Parameter(in = ParameterIn.HEADER, hidden = true) String authorization,
			@Parameter(description = "Cycle states, comma-separated: OPEN, PAYMENT_PENDING, RENEWED, LAPSED, "
					+ "CANCELLED") String state,
			@Parameter(description = "Lines valid until this date or later (ISO date)") String validFrom,
			@Parameter(description = "Lines valid until this date or earlier (ISO date)") String validTo,
			@Parameter(description = "Numbers starting with this E.164 prefix, e.g. +32470") String msisdnPrefix,
			@Parameter(description = "Page size, 1 to 1000 (default 100)") String limit,
			@Parameter(description = "nextCursor of the previous page") String cursor);

	@Operation(summary = "One line's timeline",
			description = "Line events, deadline events, payment events and notification outcomes since the line's "
					+ "current registration, the oldest first (at most 20 of each topic), without holder data.",
			responses = { @ApiResponse(responseCode = "200", description = "The timeline"),
					@ApiResponse(responseCode = "400", description = "Not an E.164 number"),
					@ApiResponse(responseCode = "401", description = "No or unknown operator key"),
					@ApiResponse(responseCode = "404", description = "No such line of this operator"),
					@ApiResponse(responseCode = "503", description = "Ingest is still reading lines from Kafka") })
	LinesController.Timeline timeline(@Parameter(in = ParameterIn.HEADER, hidden = true) String authorization,
			String msisdn);

	@Operation(summary = "Export everything held about a line",
			description = "For the holder's right of access: the line as the operator API keeps it, its timeline, "
					+ "the scheduler's state of it and payments' line record (the holder's contact and saved "
					+ "card) with its payment history. It carries personal data: send it to the holder only. A "
					+ "part that could not be read is named in unavailable[].",
			responses = { @ApiResponse(responseCode = "200", description = "The export"),
					@ApiResponse(responseCode = "400", description = "Not an E.164 number"),
					@ApiResponse(responseCode = "401", description = "No or unknown operator key"),
					@ApiResponse(responseCode = "404", description = "No such line of this operator"),
					@ApiResponse(responseCode = "503", description = "Ingest is still reading lines from Kafka") })
	LineExporter.LineExport export(@Parameter(in = ParameterIn.HEADER, hidden = true) String authorization,
			String msisdn);

	@Operation(summary = "Resend the current reminder",
			description = "Asks the scheduler, through line-events, to send the open cycle's most recent reminder "
					+ "again (or the next one if none went out yet), at once, to the holder's channels. At most one "
					+ "per line per hour; requests in the same hour carry the same eventId and are sent once.",
			responses = { @ApiResponse(responseCode = "202", description = "Requested; eventId identifies it"),
					@ApiResponse(responseCode = "400", description = "Not an E.164 number"),
					@ApiResponse(responseCode = "401", description = "No or unknown operator key"),
					@ApiResponse(responseCode = "404", description = "No such line of this operator"),
					@ApiResponse(responseCode = "409", description = "The line has no open cycle"),
					@ApiResponse(responseCode = "429", description = "A resend was requested less than an hour ago"),
					@ApiResponse(responseCode = "503", description = "Kafka unavailable or lines not read yet") })
	ReminderResends.Requested resend(@Parameter(in = ParameterIn.HEADER, hidden = true) String authorization,
			String msisdn);

}
