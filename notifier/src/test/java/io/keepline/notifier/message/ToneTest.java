package io.keepline.notifier.message;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ToneTest {

	@Test
	void risesAsTheDeadlineNears() {
		assertThat(Tone.forStage(30)).isEqualTo(Tone.INFORMATIONAL);
		assertThat(Tone.forStage(14)).isEqualTo(Tone.INFORMATIONAL);
		assertThat(Tone.forStage(7)).isEqualTo(Tone.FIRM);
		assertThat(Tone.forStage(3)).isEqualTo(Tone.FIRM);
		assertThat(Tone.forStage(2)).isEqualTo(Tone.URGENT);
		assertThat(Tone.forStage(1)).isEqualTo(Tone.URGENT);
		assertThat(Tone.forStage(0)).isEqualTo(Tone.URGENT);
	}

}
