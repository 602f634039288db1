package io.keepline.contracts;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Who holds a line and how to reach them: the channels, the language they read and the
 * time zone they live in. A holder without any channel is one whose contact is unknown:
 * sealed with a key that was shredded when the line was erased (ingest refuses such a
 * holder from an operator). {@link #toString()} shows no personal data.
 */
public record Holder(String name, String email, Msisdn sms, URI webhookUrl, HolderLocale locale, ZoneId timeZone) {

	public Holder {
		InvalidValueException.require(locale, "locale");
		InvalidValueException.require(timeZone, "timeZone");
	}

	/** This holder with the contact unknown: no name and no channel. */
	public Holder withoutContact() {
		return new Holder(null, null, null, null, this.locale, this.timeZone);
	}

	/** Whether the holder can be reached at all. */
	@JsonIgnore
	public boolean contactKnown() {
		return this.email != null || this.sms != null || this.webhookUrl != null;
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
