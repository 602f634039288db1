package io.keepline.contracts.choice;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;

/**
 * Which channels the holder of one line stopped, when and how, and the language they
 * chose: the value of {@link io.keepline.contracts.topic.Topics#HOLDER_CHOICES}. It holds
 * no contact, only the choices; {@code registeredAt} is the registration they were made
 * under (the line record's), so a recycled number inherits none of them.
 *
 * @param msisdn the line
 * @param registeredAt the line record's {@code registeredAt} when the choice was made
 * @param suppressed each stopped channel, with when and how
 * @param locale the language the holder chose on the preference page, overriding the
 * registration's; null if they chose none
 */
public record HolderChoices(Msisdn msisdn, Instant registeredAt, Map<Channel, Suppression> suppressed,
		HolderLocale locale) {

	public HolderChoices {
		InvalidValueException.require(msisdn, "msisdn");
		suppressed = (suppressed == null || suppressed.isEmpty()) ? Map.of() : Map.copyOf(new EnumMap<>(suppressed));
	}

	/** Choices without a chosen language. */
	public HolderChoices(Msisdn msisdn, Instant registeredAt, Map<Channel, Suppression> suppressed) {
		this(msisdn, registeredAt, suppressed, null);
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
		return new HolderChoices(this.msisdn, this.registeredAt, more, this.locale);
	}

	/** These choices with {@code channel} allowed again (however it was stopped). */
	public HolderChoices allow(Channel channel) {
		Map<Channel, Suppression> fewer = new EnumMap<>(Channel.class);
		fewer.putAll(this.suppressed);
		fewer.remove(channel);
		return new HolderChoices(this.msisdn, this.registeredAt, fewer, this.locale);
	}

	/** These choices with messages in {@code chosen} from now on. */
	public HolderChoices inLocale(HolderLocale chosen) {
		return new HolderChoices(this.msisdn, this.registeredAt, this.suppressed, chosen);
	}

	@Override
	public String toString() {
		return "HolderChoices[" + this.msisdn.masked() + ", suppressed " + this.suppressed.keySet() + ", locale "
				+ ((this.locale != null) ? this.locale.code() : "-") + "]";
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
		SMS_STOP,

		/** The holder's preference page. */
		PREFERENCE_PAGE

	}

}
