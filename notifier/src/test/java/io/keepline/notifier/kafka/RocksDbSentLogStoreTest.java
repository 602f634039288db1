package io.keepline.notifier.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.keepline.notifier.delivery.SentLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RocksDbSentLogStoreTest {

	@Test
	void keepsSentNotificationsAndReadPositionsAcrossARestart(@TempDir Path directory) {
		String sent = "+32470123456:2026-12-31:reminder-firm-7:email";
		String failed = "+32470123456:2026-12-31:reminder-firm-7:sms";
		try (RocksDbSentLogStore store = new RocksDbSentLogStore(directory, Duration.ofDays(8))) {
			SentLog log = new SentLog(store);
			log.markSent(sent);
			log.markFailedPermanently(failed);
			store.advance(Map.of(0, 42L, 11, 7L));
			assertThat(log.wasSent(sent)).isTrue();
			assertThat(log.failedPermanently(sent)).isFalse();
		}
		try (RocksDbSentLogStore store = new RocksDbSentLogStore(directory, Duration.ofDays(8))) {
			SentLog log = new SentLog(store);
			assertThat(log.wasSent(sent)).isTrue();
			assertThat(log.failedPermanently(failed)).isTrue();
			assertThat(log.wasSent(failed)).isFalse();
			assertThat(store.positions()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 42L, 11, 7L));
		}
	}

	@Test
	void refusesASecondUserOfTheSameDirectory(@TempDir Path directory) {
		try (RocksDbSentLogStore store = new RocksDbSentLogStore(directory, Duration.ofDays(8))) {
			assertThatIllegalStateException().isThrownBy(() -> new RocksDbSentLogStore(directory, Duration.ofDays(8)))
				.withMessageContaining("another notifier");
			assertThat(store.contains("s:anything")).isFalse();
		}
	}

}
