package io.keepline.ingest.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.notice.OperatorNotice;
import io.keepline.contracts.notice.RenewalNotApplied;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link NoticeRules} to the line, deadline and payment events of one task,
 * keeping each line's {@link NoticeLine} and the index of paid renewals waiting for their
 * top-up in step; on a wall-clock punctuation raises the alerts that fell due (at most a
 * configured number per look). Forwards each notice for its operator's topic.
 */
final class NoticeProcessor implements Processor<Msisdn, KeeplineEvent, Msisdn, OperatorNotice> {

	private static final Logger log = LoggerFactory.getLogger(NoticeProcessor.class);

	private final NoticeRules rules;

	private final Set<OperatorId> operators;

	private final Clock clock;

	private final Duration interval;

	private final int maxPerPunctuation;

	private final NoticeMetrics metrics;

	private ProcessorContext<Msisdn, OperatorNotice> context;

	private KeyValueStore<Msisdn, NoticeLine> lines;

	private NoticeIndex index;

	private String task;

	NoticeProcessor(NoticeTopology.Setup setup) {
		this.rules = new NoticeRules(setup.topUpBound());
		this.operators = setup.operators();
		this.clock = setup.clock();
		this.interval = setup.punctuationInterval();
		this.maxPerPunctuation = setup.maxPerPunctuation();
		this.metrics = setup.metrics();
	}

	@Override
	public void init(ProcessorContext<Msisdn, OperatorNotice> context) {
		this.context = context;
		this.lines = context.getStateStore(NoticeTopology.LINES_STORE);
		this.index = new NoticeIndex(context.getStateStore(NoticeTopology.INDEX_STORE));
		this.task = context.taskId().toString();
		this.metrics.overdue(this.task, this.index.waitingPastBound());
		context.schedule(this.interval, PunctuationType.WALL_CLOCK_TIME, this::punctuate);
	}

	@Override
	public void process(Record<Msisdn, KeeplineEvent> record) {
		if (record.key() == null || record.value() == null) {
			return;
		}
		NoticeLine current = this.lines.get(record.key());
		NoticeRules.Outcome outcome = this.rules.apply(current, record.value(), this.clock.instant());
		store(record.key(), current, outcome.line());
		for (OperatorNotice notice : outcome.notices()) {
			forward(record.key(), notice, record.timestamp());
		}
	}

	private void punctuate(long timestamp) {
		Instant now = this.clock.instant();
		for (Msisdn msisdn : this.index.overdue(now, this.maxPerPunctuation)) {
			NoticeLine current = this.lines.get(msisdn);
			NoticeRules.Outcome outcome = this.rules.overdue(msisdn, current, now);
			Instant due = indexed(current);
			this.index.delete((due != null) ? due : now, msisdn);
			store(msisdn, current, outcome.line());
			for (OperatorNotice notice : outcome.notices()) {
				forward(msisdn, notice, timestamp);
				this.metrics.alerted();
				log.warn("Renewal of {} cycle {} paid but not applied by {} within the bound", msisdn,
						((RenewalNotApplied) notice).validUntil(), notice.operator());
			}
		}
	}

	private void forward(Msisdn msisdn, OperatorNotice notice, long timestamp) {
		if (!this.operators.contains(notice.operator())) {
			log.warn("No notice topic for operator {} (no key in KEEPLINE_OPERATOR_KEYS): {} dropped",
					notice.operator(), notice.getClass().getSimpleName());
			return;
		}
		this.context.forward(new Record<>(msisdn, notice, timestamp));
		this.metrics.written(notice);
	}

	/**
	 * Stores the line (deletes it when forgotten), moves its index entry with its
	 * awaiting top-up, and counts the lines waiting past the bound.
	 */
	private void store(Msisdn msisdn, NoticeLine current, NoticeLine next) {
		if (next == current) {
			return;
		}
		Instant before = indexed(current);
		Instant after = indexed(next);
		if (before != null && !before.equals(after)) {
			this.index.delete(before, msisdn);
		}
		if (after != null && !after.equals(before)) {
			this.index.put(after, msisdn);
		}
		boolean wasPast = current != null && current.waitingPastBound();
		boolean isPast = next != null && next.waitingPastBound();
		if (wasPast != isPast) {
			this.metrics.overdue(this.task, this.index.addWaitingPastBound(isPast ? 1 : -1));
		}
		if (next == null) {
			this.lines.delete(msisdn);
		}
		else {
			this.lines.put(msisdn, next);
		}
	}

	/** When the line's paid renewal becomes overdue, if it waits and was not alerted. */
	private static Instant indexed(NoticeLine line) {
		NoticeLine.Awaiting awaiting = (line != null) ? line.awaiting() : null;
		return (awaiting != null && !awaiting.alerted()) ? awaiting.expectedBy() : null;
	}

	@Override
	public void close() {
		if (this.task != null) {
			this.metrics.overdue(this.task, -1);
		}
	}

}
