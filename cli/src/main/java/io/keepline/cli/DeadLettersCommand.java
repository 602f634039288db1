package io.keepline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code keepline dead-letters list|show|replay}: the services' dead letters through
 * their management ports ({@code /actuator/deadletters}); show and replay take the admin
 * token.
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
		description = "List, show and replay the services' dead letters (on their management ports).",
		subcommands = { DeadLettersCommand.ListLetters.class, DeadLettersCommand.ShowLetter.class,
				DeadLettersCommand.ReplayLetters.class })
final class DeadLettersCommand implements Runnable {

	/**
	 * Each service's management port when run with the defaults (and in the standalone).
	 */
	static final Map<String, Integer> PORTS = Map.of("ingest", 9081, "scheduler", 9082, "notifier", 9083, "payments",
			9084);

	static final List<String> SERVICES = List.of("ingest", "scheduler", "notifier", "payments");

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "Name a command: list, show or replay");
	}

	/** Where the services' management ports are, and the admin token. */
	static final class Services {

		@Option(names = "--service", paramLabel = "NAME",
				description = "notifier, payments, scheduler or ingest (list: default all)")
		String service;

		@Option(names = "--host", paramLabel = "HOST", defaultValue = "localhost",
				description = "where the services run (default: ${DEFAULT-VALUE}); ports 9081-9084")
		String host;

		@Option(names = "--management-url", paramLabel = "URL",
				description = "one service's management address instead of --host and its default port")
		String managementUrl;

		@Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:KEEPLINE_ADMIN_TOKEN}",
				description = "the admin token (default: $KEEPLINE_ADMIN_TOKEN, else <data-dir>/admin-token)")
		String adminToken;

		@Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:KEEPLINE_DATA_DIR:-data}",
				description = "the standalone's data directory, for its admin token (default: ${DEFAULT-VALUE})")
		Path dataDir;

		List<String> named(boolean all) {
			if (this.service == null) {
				if (!all) {
					throw new CliException(ExitCodes.USAGE,
							"Name the service that parked it: --service notifier|payments|scheduler|ingest");
				}
				return (this.managementUrl != null) ? List.of("service") : SERVICES;
			}
			if (!PORTS.containsKey(this.service)) {
				throw new CliException(ExitCodes.USAGE,
						"--service: " + this.service + " is not one of notifier, payments, scheduler, ingest");
			}
			return List.of(this.service);
		}

		String endpoint(String service) {
			String base = (this.managementUrl != null) ? this.managementUrl.replaceAll("/+$", "")
					: "http://" + this.host + ":" + PORTS.get(service);
			return base + "/actuator/deadletters";
		}

		Http http(String service, boolean admin) {
			return new Http(service + " at " + endpoint(service), admin ? token() : null);
		}

		private String token() {
			if (this.adminToken != null && !this.adminToken.isBlank()) {
				return this.adminToken.strip();
			}
			Path file = this.dataDir.resolve("admin-token");
			try {
				return Files.readString(file, StandardCharsets.UTF_8).strip();
			}
			catch (IOException ex) {
				throw new CliException(ExitCodes.UNAUTHORIZED,
						"No admin token: pass --admin-token, set KEEPLINE_ADMIN_TOKEN, or point --data-dir at the "
								+ "standalone's data directory (" + file + " is not readable)");
			}
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true,
			description = "List dead letters: id, state, group, origin, reason (no personal data).")
	static final class ListLetters implements Callable<Integer> {

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		@Mixin
		Services services;

		@Option(names = "--topic", paramLabel = "DLT", description = "only this dead-letter topic")
		String topic;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			PrintWriter err = this.spec.commandLine().getErr();
			int exit = ExitCodes.OK;
			for (String service : this.services.named(true)) {
				String url = this.services.endpoint(service) + ((this.topic != null) ? "?topic=" + this.topic : "");
				try {
					Http.Answer answer = this.services.http(service, false).get(url);
					if (!answer.ok()) {
						throw answer.failure(service);
					}
					for (JsonNode letter : answer.json()) {
						out.printf("%-9s %s  %s  %s  from %s/%s@%s  %s: %s%n", service, letter.path("id").asString(),
								letter.path("state").asString(), letter.path("group").asString(""),
								letter.path("sourceTopic").asString("?"), letter.path("sourcePartition").asString("?"),
								letter.path("sourceOffset").asString("?"), simpleName(letter.path("exception")),
								letter.path("reason").asString(""));
					}
				}
				catch (CliException ex) {
					err.println("keepline: " + ex.getMessage());
					exit = ex.exitCode();
				}
			}
			out.flush();
			err.flush();
			return exit;
		}

		private static String simpleName(JsonNode exception) {
			String name = exception.asString("");
			return name.substring(name.lastIndexOf('.') + 1);
		}

	}

	@Command(name = "show", mixinStandardHelpOptions = true,
			description = "Show one dead letter with its key and value (admin token).")
	static final class ShowLetter implements Callable<Integer> {

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		@Mixin
		Services services;

		@Parameters(index = "0", paramLabel = "ID", description = "<dlt topic>/<partition>/<offset>, as listed")
		String id;

		@Override
		public Integer call() {
			DeadLetterId letter = DeadLetterId.parse(this.id);
			String service = this.services.named(false).get(0);
			Http.Answer answer = this.services.http(service, true).get(this.services.endpoint(service) + "/" + letter);
			if (!answer.ok()) {
				throw answer.failure("Dead letter " + this.id + " of " + service);
			}
			PrintWriter out = this.spec.commandLine().getOut();
			out.println(answer.json().toPrettyString());
			out.flush();
			return ExitCodes.OK;
		}

	}

	@Command(name = "replay", mixinStandardHelpOptions = true,
			description = { "Replay a dead letter through the consumer that parked it (admin token).",
					"Idempotent: one already replayed is not handled again." })
	static final class ReplayLetters implements Callable<Integer> {

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		@Mixin
		Services services;

		@Parameters(index = "0", arity = "0..1", paramLabel = "ID",
				description = "<dlt topic>/<partition>/<offset>, as listed")
		String id;

		@Option(names = "--all", paramLabel = "DLT", description = "every dead letter of this topic not replayed yet")
		String all;

		@Override
		public Integer call() {
			if ((this.id == null) == (this.all == null)) {
				throw new CliException(ExitCodes.USAGE, "Name one dead letter (ID) or --all <dead-letter topic>");
			}
			DeadLetterId letter = (this.id != null) ? DeadLetterId.parse(this.id) : null;
			String service = this.services.named(false).get(0);
			Http http = this.services.http(service, true);
			PrintWriter out = this.spec.commandLine().getOut();
			if (letter != null) {
				Http.Answer answer = http.post(this.services.endpoint(service) + "/" + letter, "application/json",
						"{}");
				if (answer.status() != 200 && answer.status() != 409) {
					throw answer.failure("Dead letter " + this.id + " of " + service);
				}
				JsonNode result = answer.json();
				out.println(this.id + "  " + result.path("outcome").asString()
						+ (result.path("reason").isString() ? "  " + result.path("reason").asString() : ""));
				out.flush();
				return switch (result.path("outcome").asString()) {
					case "REPLAYED", "ALREADY_REPLAYED" -> ExitCodes.OK;
					case "FAILED_AGAIN" -> ExitCodes.PARTLY;
					default -> ExitCodes.CONFLICT;
				};
			}
			Http.Answer answer = http.post(this.services.endpoint(service), "application/json",
					Http.JSON.createObjectNode().put("topic", this.all).toString());
			if (!answer.ok()) {
				throw answer.failure("Dead letters of " + this.all + " at " + service);
			}
			JsonNode summary = answer.json();
			List<String> failed = new ArrayList<>();
			for (JsonNode result : summary.path("results")) {
				if (!result.path("outcome").asString().equals("REPLAYED")) {
					failed.add(result.path("id").asString() + "  " + result.path("outcome").asString() + "  "
							+ result.path("reason").asString(""));
				}
			}
			out.printf("%s: %d replayed, %d failed again, %d not replayable%n", this.all,
					summary.path("replayed").asInt(), summary.path("failedAgain").asInt(),
					summary.path("notReplayable").asInt());
			failed.forEach((line) -> out.println("  " + line));
			out.flush();
			if (summary.path("failedAgain").asInt() > 0) {
				return ExitCodes.PARTLY;
			}
			return (summary.path("notReplayable").asInt() > 0) ? ExitCodes.CONFLICT : ExitCodes.OK;
		}

	}

	/** A dead letter's id, checked before it goes into an address. */
	record DeadLetterId(String topic, int partition, long offset) {

		static DeadLetterId parse(String id) {
			String[] parts = id.split("/");
			if (parts.length != 3 || !parts[0].matches("[A-Za-z0-9._-]+") || !parts[1].matches("\\d{1,5}")
					|| !parts[2].matches("\\d{1,19}")) {
				throw new CliException(ExitCodes.BAD_INPUT,
						"Not a dead letter id: " + id + " (expected <dlt topic>/<partition>/<offset>, as listed)");
			}
			return new DeadLetterId(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
		}

		@Override
		public String toString() {
			return this.topic + "/" + this.partition + "/" + this.offset;
		}

	}

}
