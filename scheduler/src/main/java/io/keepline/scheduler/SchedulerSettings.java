package io.keepline.scheduler;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import io.keepline.scheduler.deadline.EngineSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The scheduler's settings ({@code keepline.scheduler.*}): the deadline rules' send hour,
 * window and auto-renew days, the punctuator's pace and the memory of its stores. Its
 * Streams identity (application id, state directory, standby replicas, the address other
 * instances reach it at) is Boot's {@code spring.kafka.streams.*}.
 *
 * @param sendTime holder-local time reminders are due at
 * @param windowStart start of the holder-local catch-up window
 * @param windowEnd end of that window
 * @param autoRenewDays days before validUntil of each automatic charge attempt
 * @param punctuationInterval how often due deadlines are looked for
 * @param maxPerPunctuation most due entries handled per punctuation and task
 * @param maxPunctuationTime most time one punctuation of one task spends on due entries,
 * so that the transaction it runs in commits well within the transaction timeout
 * @param settlementWait how long after the lapse a payment still being processed (a SEPA
 * debit) holds the holder's lapse message; a later success still confirms the renewal
 * @param storeMemory off-heap memory all RocksDB stores of the instance share (block
 * cache, memtables, index and filter blocks)
 */
@Validated
@ConfigurationProperties("keepline.scheduler")
public record SchedulerSettings(@DefaultValue("10:00") @NotNull LocalTime sendTime,
		@DefaultValue("09:00") @NotNull LocalTime windowStart, @DefaultValue("21:00") @NotNull LocalTime windowEnd,
		@DefaultValue( {
				"3", "2", "1" }) @NotEmpty List<@Min(1) @Max(27) Integer> autoRenewDays,
		@DefaultValue("250ms") @NotNull Duration punctuationInterval,
		@DefaultValue("20000") @Min(1) int maxPerPunctuation,
		@DefaultValue("200ms") @NotNull Duration maxPunctuationTime,
		@DefaultValue("14d") @NotNull Duration settlementWait, @DefaultValue("256MB") @NotNull DataSize storeMemory){

	/** The rule settings of the engine. */
	public EngineSettings engine() {
		EngineSettings defaults = EngineSettings.defaults();
		return new EngineSettings(this.sendTime, this.windowStart, this.windowEnd, defaults.lapseZone(),
				this.autoRenewDays, this.punctuationInterval, this.maxPerPunctuation, this.maxPunctuationTime,
				defaults.recentEventIds(), defaults.historySize(), this.settlementWait);
	}

}
