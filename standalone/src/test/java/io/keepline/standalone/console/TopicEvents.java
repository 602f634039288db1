package io.keepline.standalone.console;

import java.util.List;
import java.util.stream.Stream;

import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.notice.OperatorNotice;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.rejected.RejectedEvent;
import io.keepline.contracts.samples.EventSamples;

/**
 * One sample of every event type of every catalogue topic the console reads, and of every
 * operator notice.
 */
final class TopicEvents {

	private TopicEvents() {
	}

	static List<KeeplineEvent> everyType() {
		return Stream
			.of(LineEvent.class, DeadlineEvent.class, PaymentEvent.class, NotificationEvent.class, RejectedEvent.class,
					OperatorNotice.class)
			.flatMap((sealed) -> EventSamples.everyPermitted(sealed).stream())
			.map(KeeplineEvent.class::cast)
			.toList();
	}

}
