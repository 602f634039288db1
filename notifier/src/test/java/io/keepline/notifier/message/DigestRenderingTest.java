package io.keepline.notifier.message;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkVerification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class DigestRenderingTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z0-9_-]*}");

	private static final Pattern PAY_LINK = Pattern.compile("https://pay\\.keepline\\.test/pay/([A-Za-z0-9_.-]+)");

	private final MessageRenderer renderer = Fixtures.renderer();

	@ParameterizedTest
	@EnumSource(HolderLocale.class)
	void listsEachLineWithItsOwnPayLinkInTheHoldersLanguage(HolderLocale locale) {
		List<Msisdn> numbers = List.of(Msisdn.of("+32470000001"), Msisdn.of("+32470000002"), Msisdn.of("+32470000003"));
		List<Notice> notices = numbers.stream()
			.map((msisdn) -> new Notice(MessageType.REMINDER, Tone.FIRM, "7", UUID.randomUUID(),
					new CycleId(msisdn, Fixtures.VALID_UNTIL), Fixtures.holder(locale), 7, Fixtures.PRICE, null, null,
					null, Fixtures.OPERATOR))
			.toList();

		RenderedEmail email = this.renderer.digest(notices);

		assertThat(email.subject()).contains("3").doesNotContain("\n");
		for (String part : new String[] { email.subject(), email.text(), email.html() }) {
			assertThat(PLACEHOLDER.matcher(part).find()).as(locale + ": " + part).isFalse();
		}
		assertThat(email.html()).contains("<html lang=\"" + locale.code() + "\"");
		assertThat(email.text()).contains(this.renderer.view(notices.get(0)).text("action"));
		List<Msisdn> paid = PAY_LINK.matcher(email.text())
			.results()
			.map((link) -> Fixtures.signer().verify(link.group(1), LinkPurpose.PAY))
			.map((verification) -> ((LinkVerification.Valid) verification).link().cycle().msisdn())
			.toList();
		assertThat(paid).containsExactlyElementsOf(numbers);
		assertThat(PAY_LINK.matcher(email.html()).results().count()).isEqualTo(3);
		for (Msisdn msisdn : numbers) {
			assertThat(email.text()).contains(msisdn.masked());
			assertThat(email.html()).contains(msisdn.masked());
		}
	}

}
