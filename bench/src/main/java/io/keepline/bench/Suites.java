package io.keepline.bench;

import java.util.List;

import io.keepline.bench.micro.MicroSuite;
import io.keepline.bench.scheduler.SchedulerSuite;
import io.keepline.bench.suite.EndToEndSuite;
import io.keepline.bench.suite.IngestSuite;
import io.keepline.bench.suite.NotifierSuite;
import io.keepline.bench.suite.PaymentsLinesSuite;
import io.keepline.bench.suite.SentLogSuite;
import io.keepline.bench.suite.WebhooksSuite;

/**
 * Every benchmark suite, in the order a run executes them.
 */
final class Suites {

	private Suites() {
	}

	static List<Suite> all() {
		return List.of(new IngestSuite(), new SchedulerSuite(), new WebhooksSuite(), new PaymentsLinesSuite(),
				new NotifierSuite(), new SentLogSuite(), new EndToEndSuite(), new MicroSuite());
	}

}
