package io.keepline.standalone.broker;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BrokerArgumentsTest {

	@Test
	void defaultsToPort9092AndDataUnderTheWorkingDirectory() {
		BrokerSettings settings = BrokerArguments.parse(new String[0], Map.of());

		assertThat(settings).isEqualTo(BrokerSettings.defaults());
		assertThat(settings.controllerPort()).isEqualTo(9093);
		assertThat(settings.dataDir()).isEqualTo(Path.of("data", "kafka").toAbsolutePath());
	}

	@Test
	void readsTheEnvironment() {
		BrokerSettings settings = BrokerArguments.parse(new String[0],
				Map.of("KEEPLINE_KAFKA_PORT", "19092", "KEEPLINE_DATA_DIR", "/var/keepline"));

		assertThat(settings).isEqualTo(new BrokerSettings(19092, 19093, Path.of("/var/keepline/kafka")));
	}

	@Test
	void prefersArgumentsToTheEnvironment() {
		BrokerSettings settings = BrokerArguments.parse(
				new String[] { "--port=29092", "--kafka.controller-port=29999", "--data-dir=/srv/data" },
				Map.of("KEEPLINE_KAFKA_PORT", "19092"));

		assertThat(settings).isEqualTo(new BrokerSettings(29092, 29999, Path.of("/srv/data/kafka")));
	}

	@Test
	void acceptsTheKafkaPrefixThePortMessageSuggests() {
		assertThat(BrokerArguments.parse(new String[] { "--kafka.port=39092" }, Map.of()).port()).isEqualTo(39092);
	}

	@Test
	void rejectsUnknownArgumentsAndBadPorts() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BrokerArguments.parse(new String[] { "--prot=1" }, Map.of()))
			.withMessageStartingWith("Unknown argument --prot=1. Usage:");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BrokerArguments.parse(new String[] { "--port=ninety" }, Map.of()))
			.withMessage("--port must be a port number, not 'ninety'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BrokerArguments.parse(new String[] { "--port=70000" }, Map.of()))
			.withMessageContaining("between 1 and 65535");
	}

}
