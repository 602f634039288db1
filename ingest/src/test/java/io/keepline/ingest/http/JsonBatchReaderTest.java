package io.keepline.ingest.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.keepline.ingest.IngestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonBatchReaderTest {

	final JsonBatchReader reader = new JsonBatchReader(new IngestSettings(3, DataSize.ofBytes(64), 1000, 10000, 100,
			null, new IngestSettings.Raw(true, "group", 1)));

	@Test
	void stopsReadingABodyOfUnknownLengthAsSoonAsItIsOverTheLimit() {
		InputStream endless = new InputStream() {
			@Override
			public int read() {
				return ' ';
			}
		};

		assertThatExceptionOfType(IngestProblem.TooLarge.class).isThrownBy(() -> this.reader.read(endless, -1));
	}

	@Test
	void refusesADeclaredLengthOverTheLimitWithoutReading() {
		assertThatExceptionOfType(IngestProblem.TooLarge.class)
			.isThrownBy(() -> this.reader.read(InputStream.nullInputStream(), 65));
	}

	@Test
	void readsUpToTheItemLimit() {
		assertThat(this.reader.read(body("[{}, {}, {}]"), -1)).hasSize(3);
		assertThatExceptionOfType(IngestProblem.TooLarge.class)
			.isThrownBy(() -> this.reader.read(body("[{}, {}, {}, {}]"), -1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "[{\"name\": Vandermeulen}]", "[{\"a\": 1, \"Vandermeulen\": 2, \"Vandermeulen\": 3}]",
			"[{\"n\": 3247100050132471000501x}]", "[{Vandermeulen: 1}]", "[{\"n\": \"Vandermeulen\" x}]" })
	void saysWhatIsWrongWithTheJsonWithoutEchoingWhatWasSent(String json) {
		assertThatExceptionOfType(IngestProblem.BadRequest.class).isThrownBy(() -> this.reader.read(body(json), -1))
			.satisfies((problem) -> assertThat(problem.getMessage()).startsWith("The body is not valid JSON: ")
				.doesNotContain("Vandermeulen")
				.doesNotContain("32471000501"));
	}

	static InputStream body(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

}
