package io.keepline.contracts.choice;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import io.keepline.contracts.Channel;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;

/**
 * Which channels the holder of one line stopped, when and how: the value of
 * {@link io.keepline.contracts.topic.Topics#HOLDER_CHOICES}. It holds no contact, only
 * the choices; {@code registeredAt} is the registration they were made under (the line
 * record's), so a recycled number inherits none of them.
 *
 * @param msisdn the line
 * @param registeredAt the line record's {@code registeredAt} when the choice was made
 * @param suppressed each stopped channel, with when and how
 */
public record HolderChoices(Msisdn msisdn, Instant registeredAt, Map<Channel, Suppression> suppressed) {

	public HolderChoices {
		InvalidValueException.require(msisdn, "msisdn");
		suppressed = (suppressed == null || suppressed.isEmpty()) ? Map.of() : Map.copyOf(new EnumMap<>(suppressed));
	}

	/** The stopped channels. */
	public Set<Channel> suppressedChannels() {
		return this.suppressed.keySet();
	}

	/**
	 * These choices with {@code channel} stopped too (a channel stopped already keeps its
	 * first instant and way).
	 */
	public HolderChoices suppress(Channel channel, Instant at, Via via) {
		Map<Channel, Suppression> more = new EnumMap<>(Channel.class);
		more.putAll(this.suppressed);
		more.putIfAbsent(channel, new Suppression(at, via));
		return new HolderChoices(this.msisdn, this.registeredAt, more);
	}

	@Override
	public String toString() {
		return "HolderChoices[" + this.msisdn.masked() + ", suppressed " + this.suppressed.keySet() + "]";
	}

	/** When and how a channel was stopped. */
	public record Suppression(Instant at, Via via) {

		public Suppression {
			InvalidValueException.require(at, "at");
			InvalidValueException.require(via, "via");
		}

	}

	/** How the holder stopped a channel. */
	public enum Via {

		/** The one-click unsubscribe of an email (RFC 8058). */
		ONE_CLICK_UNSUBSCRIBE,

		/** An SMS reply such as STOP through the SMS provider. */
		SMS_STOP

	}

}
