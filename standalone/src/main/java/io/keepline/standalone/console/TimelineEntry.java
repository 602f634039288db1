package io.keepline.standalone.console;

import java.time.Instant;

import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.notice.RenewalNotApplied;

/**
 * One record of a Keepline topic as the console shows it.
 *
 * @param at when it happened ({@code occurredAt}, else the record timestamp)
 * @param topic the topic it was read from
 * @param partition its partition
 * @param offset its offset
 * @param msisdn the line it is about, or null
 * @param type the event type
 * @param summary a one-line description
 * @param event the event, or null when it could not be read
 */
public record TimelineEntry(Instant at, String topic, int partition, long offset, String msisdn, String type,
		String summary, KeeplineEvent event) implements Comparable<TimelineEntry> {

	@Override
	public int compareTo(TimelineEntry other) {
		int byTime = this.at.compareTo(other.at);
		if (byTime != 0) {
			return byTime;
		}
		int byTopic = this.topic.compareTo(other.topic);
		return (byTopic != 0) ? byTopic : Long.compare(this.offset, other.offset);
	}

	/** Whether it is an alert: a paid renewal the operator has not applied in time. */
	public boolean alert() {
		return this.event instanceof RenewalNotApplied;
	}

	/** The short topic name, without the {@code keepline.} prefix and version. */
	public String shortTopic() {
		String name = this.topic.startsWith("keepline.") ? this.topic.substring("keepline.".length()) : this.topic;
		int version = name.lastIndexOf(".v");
		return (version > 0) ? name.substring(0, version) : name;
	}

}
