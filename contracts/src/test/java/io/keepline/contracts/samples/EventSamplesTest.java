package io.keepline.contracts.samples;

import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.notice.OperatorNotice;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.rejected.RejectedEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventSamplesTest {

	@Test
	void everyTopicsEventTypesHaveASample() {
		assertThat(EventSamples.everyPermitted(LineEvent.class))
			.hasSize(LineEvent.class.getPermittedSubclasses().length);
		assertThat(EventSamples.everyPermitted(DeadlineEvent.class)).extracting(Object::getClass)
			.containsExactly(DeadlineEvent.class.getPermittedSubclasses());
		assertThat(EventSamples.everyPermitted(PaymentEvent.class)).extracting(Object::getClass)
			.containsExactly(PaymentEvent.class.getPermittedSubclasses());
		assertThat(EventSamples.everyPermitted(NotificationEvent.class)).hasSize(2);
		assertThat(EventSamples.everyPermitted(RejectedEvent.class)).hasSize(1);
		assertThat(EventSamples.everyPermitted(OperatorNotice.class)).extracting(Object::getClass)
			.containsExactly(OperatorNotice.class.getPermittedSubclasses());
	}

}
