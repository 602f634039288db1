package io.keepline.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code keepline line +32…}: one line as its operator sees it: state, validity, next
 * deadlines and auto-renewal (the scheduler's {@code GET /v1/lines/{msisdn}}), then its
 * timeline (the operator API's {@code GET /v1/lines/{msisdn}/timeline}).
 */
@Command(name = "line", mixinStandardHelpOptions = true,
		description = "Show one of your lines: state, validity, next deadlines and timeline.")
final class LineCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Parameters(index = "0", paramLabel = "MSISDN", description = "the line's number, E.164 (+32…)")
	String msisdn;

	@Option(names = "--operator-key", paramLabel = "KEY", defaultValue = "${env:KEEPLINE_OPERATOR_KEY}",
			description = "the operator's API key (default: $KEEPLINE_OPERATOR_KEY)")
	String operatorKey;

	@Option(names = "--scheduler", paramLabel = "URL", defaultValue = "http://localhost:8082",
			description = "the scheduler's address (default: ${DEFAULT-VALUE})")
	String scheduler;

	@Option(names = "--ingest", paramLabel = "URL", defaultValue = "http://localhost:8081",
			description = "the operator API's address, ingest's (default: ${DEFAULT-VALUE})")
	String ingest;

	@Override
	public Integer call() {
		Msisdn line;
		try {
			line = Msisdn.of(this.msisdn);
		}
		catch (InvalidValueException ex) {
			throw new CliException(ExitCodes.BAD_INPUT, "msisdn: " + ex.getMessage());
		}
		if (this.operatorKey == null || this.operatorKey.isBlank()) {
			throw new CliException(ExitCodes.UNAUTHORIZED,
					"No operator key: pass --operator-key or set " + "KEEPLINE_OPERATOR_KEY");
		}
		String path = "/v1/lines/" + URLEncoder.encode(line.value(), StandardCharsets.UTF_8);
		Http.Answer report = new Http("the scheduler at " + this.scheduler, this.operatorKey)
			.get(trimmed(this.scheduler) + path);
		if (!report.ok()) {
			throw report.failure("Line " + line.value());
		}
		PrintWriter out = this.spec.commandLine().getOut();
		printReport(out, report.json());
		Http.Answer timeline = new Http("the operator API at " + this.ingest, this.operatorKey)
			.get(trimmed(this.ingest) + path + "/timeline");
		if (!timeline.ok()) {
			throw timeline.failure("Timeline of " + line.value());
		}
		printTimeline(out, timeline.json());
		out.flush();
		return ExitCodes.OK;
	}

	private static void printReport(PrintWriter out, JsonNode report) {
		out.printf("%s  %s  %s  valid until %s%n", report.path("msisdn").asString(""),
				report.path("operator").asString(""), report.path("state").asString(""),
				report.path("validUntil").asString("-"));
		JsonNode autoRenew = report.path("autoRenew");
		if (!autoRenew.isMissingNode()) {
			out.printf("auto-renew: %s%s%n", autoRenew.path("active").asBoolean() ? "active" : "off",
					autoRenew.path("cardBrand").isString() ? " (" + autoRenew.path("cardBrand").asString() + " …"
							+ autoRenew.path("cardLast4").asString("") + ")" : "");
		}
		out.println("next deadlines:");
		if (report.path("nextDeadlines").isEmpty()) {
			out.println("  none");
		}
		for (JsonNode deadline : report.path("nextDeadlines")) {
			out.printf("  %s  %s%s%n", deadline.path("dueAt").asString(""), deadline.path("kind").asString(""),
					deadline.path("stage").asInt() > 0 ? " " + deadline.path("stage").asInt() : "");
		}
	}

	/** The timeline: an array of entries, or an object holding one. */
	private static void printTimeline(PrintWriter out, JsonNode timeline) {
		JsonNode entries = timeline;
		if (!timeline.isArray()) {
			entries = timeline.path("entries");
			for (String name : new String[] { "timeline", "events", "items" }) {
				if (!entries.isArray()) {
					entries = timeline.path(name);
				}
			}
		}
		out.println("timeline:");
		if (!entries.isArray() || entries.isEmpty()) {
			out.println("  nothing yet");
			return;
		}
		for (JsonNode entry : entries) {
			out.println("  " + JsonLines.oneLine(entry));
		}
	}

	private static String trimmed(String url) {
		return url.replaceAll("/+$", "");
	}

}
