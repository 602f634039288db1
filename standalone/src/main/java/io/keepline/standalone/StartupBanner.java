package io.keepline.standalone;

import io.keepline.standalone.seed.SeedReport;

/**
 * The lines printed once everything runs: every URL (the console's with its token, unless
 * the token came from the environment), the demo keys and whether each part is the local
 * stand-in or the real thing.
 */
final class StartupBanner {

	private StartupBanner() {
	}

	static String render(Pipeline pipeline, long startMillis) {
		StandaloneSettings settings = pipeline.settings();
		StandaloneSettings.Ports ports = settings.ports();
		String email = (pipeline.outbox() != null)
				? "local outbox (SMTP on 127.0.0.1:" + pipeline.outbox().port() + "), shown in the console"
				: "SMTP server " + settings.mail().host() + ":" + settings.mail().port();
		String payments = (settings.stripe() == null) ? "OFFLINE SANDBOX checkout, no real money (set STRIPE_API_KEY)"
				: "Stripe at "
						+ ((settings.stripe().apiBase() != null) ? settings.stripe().apiBase() : "api.stripe.com");
		SeedReport seeds = pipeline.seedReport();
		String seedLine = (seeds != null) ? seeds.summary()
				: (settings.seeds() != null) ? "NOT loaded, see the error above" : "not loaded (--no-seeds)";
		String keys = settings.secrets().operatorKeys().equals(StandaloneSettings.Secrets.DEMO_OPERATOR_KEYS)
				? settings.secrets().operatorKeys().replace(",", ", ") : "from KEEPLINE_OPERATOR_KEYS";
		String webhook = settings.secrets().webhookSecret().equals(StandaloneSettings.Secrets.DEMO_WEBHOOK_SECRET)
				? StandaloneSettings.Secrets.DEMO_WEBHOOK_SECRET : "from STRIPE_WEBHOOK_SECRET";
		String holderWebhooks = settings.secrets()
			.holderWebhookSecret()
			.equals(StandaloneSettings.Secrets.DEMO_HOLDER_WEBHOOK_SECRET) ? "a demo key per operator"
					: "from KEEPLINE_WEBHOOK_SECRETS";
		String console = (settings.secrets().consoleToken() == null)
				? pipeline.consoleLink() + "   <- start here (the link sets the console's cookie)"
				: pipeline.consoleUrl() + "/?token=<KEEPLINE_CONSOLE_TOKEN>   <- start here";
		String tokenSource = (settings.secrets().consoleToken() == null)
				? "kept in " + settings.dataDir().resolve(SecretFile.CONSOLE_TOKEN) : "from KEEPLINE_CONSOLE_TOKEN";
		String operators = ((settings.secrets().operatorWebhooks() == null) ? "every operator's notices go"
				: "notices of operators not in KEEPLINE_OPERATOR_WEBHOOKS go")
				+ " to its simulated operator in the console, which answers RenewalPaid with ValidityExtended";
		String nl = System.lineSeparator();
		return String.join(nl, "",
				"==================================== Keepline is running ("
						+ String.format("%.1f", startMillis / 1000.0) + " s) ====================================",
				"  console         " + console,
				"                  scripts: Authorization: Bearer <token> (" + tokenSource
						+ "); listens on loopback only",
				"  ingest          " + StandaloneSettings.url(ports.ingest())
						+ "  POST /v1/line-events, /v1/line-events/csv (Bearer operator key)",
				"  scheduler       " + StandaloneSettings.url(ports.scheduler()) + "  GET /v1/lines/{msisdn}",
				"  notifier        " + StandaloneSettings.url(ports.notifier()),
				"  payments        " + StandaloneSettings.url(ports.payments())
						+ "  /pay/{token}, /status/{token}, POST /v1/stripe/webhook",
				"  kafka           " + pipeline.bootstrapServers() + "  (data in " + settings.dataDir() + ")",
				"  health/metrics  /actuator/health, /actuator/prometheus on the management ports: ingest "
						+ ports.management().ingest() + ", scheduler " + ports.management().scheduler() + ", notifier "
						+ ports.management().notifier() + ", payments " + ports.management().payments(),
				"  dead letters    /actuator/deadletters on the same ports (admin token "
						+ ((settings.secrets().adminToken() == null)
								? "kept in " + settings.dataDir().resolve(SecretFile.ADMIN_TOKEN)
								: "from KEEPLINE_ADMIN_TOKEN")
						+ "); java -jar cli/target/keepline-cli.jar dead-letters list",
				"  operator keys   " + keys, "  Stripe webhook  secret " + webhook,
				"  holder webhooks signed with " + holderWebhooks + " (seeded ones land in the console's outbox)",
				"  email           " + email,
				"  sms             local outbox (Twilio-compatible endpoint in the console)",
				"  payments mode   " + payments, "  operators       " + operators, "  seeds           " + seedLine,
				"  Ctrl-C stops everything cleanly; --wipe starts from empty data.",
				"=========================================================================================");
	}

}
