package io.keepline.standalone.console;

import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.samples.EventSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class LineCardTest {

	private final LineCard card = LineCard.empty("+447700900123");

	@Test
	void foldsEveryLineEventType() {
		assertThat(EventSamples.everyPermitted(LineEvent.class))
			.allSatisfy((event) -> assertThatCode(() -> this.card.apply(event)).doesNotThrowAnyException());
	}

	@Test
	void foldsEveryDeadlineEventType() {
		assertThat(EventSamples.everyPermitted(DeadlineEvent.class))
			.allSatisfy((event) -> assertThatCode(() -> this.card.apply(event)).doesNotThrowAnyException());
	}

	@Test
	void foldsEveryPaymentEventType() {
		assertThat(EventSamples.everyPermitted(PaymentEvent.class))
			.allSatisfy((event) -> assertThatCode(() -> this.card.apply(event)).doesNotThrowAnyException());
	}

	@Test
	void routesAnEventOfEveryTopicToItsFold() {
		assertThat(TopicEvents.everyType())
			.allSatisfy((event) -> assertThatCode(() -> this.card.apply(event)).doesNotThrowAnyException());
	}

}
