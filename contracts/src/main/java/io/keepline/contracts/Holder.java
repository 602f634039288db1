package io.keepline.contracts;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Who holds a line and how to reach them: at least one channel, the language they read
 * and the time zone they live in. {@link #toString()} shows no personal data.
 */
public record Holder(String name, String email, Msisdn sms, URI webhookUrl, HolderLocale locale, ZoneId timeZone) {

	public Holder {
		InvalidValueException.require(locale, "locale");
		InvalidValueException.require(timeZone, "timeZone");
		if (email == null && sms == null && webhookUrl == null) {
			throw new InvalidValueException("no_channel", "a holder needs at least one of email, sms or webhookUrl");
		}
	}

	/** The channels this holder can be reached on, in the order they are tried. */
	@JsonIgnore
	public List<Channel> channels() {
		List<Channel> channels = new ArrayList<>(3);
		if (this.email != null) {
			channels.add(Channel.EMAIL);
		}
		if (this.sms != null) {
			channels.add(Channel.SMS);
		}
		if (this.webhookUrl != null) {
			channels.add(Channel.WEBHOOK);
		}
		return List.copyOf(channels);
	}

	@Override
	public String toString() {
		return "Holder[channels=" + channels() + ", locale=" + this.locale.code() + ", timeZone=" + this.timeZone + "]";
	}

}
