package io.keepline.notifier.message;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessageRenderingTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z0-9_-]*}");

	private static final Pattern PAY_LINK = Pattern.compile("https://pay\\.keepline\\.test/pay/([A-Za-z0-9_.-]+)");

	private final MessageRenderer renderer = Fixtures.renderer();

	private final Messages messages = new Messages();

	@ParameterizedTest
	@EnumSource(HolderLocale.class)
	void rendersEveryEmailWithoutRawPlaceholders(HolderLocale locale) {
		for (Notice notice : Fixtures.everyNotice(locale)) {
			RenderedEmail email = this.renderer.email(notice);
			assertThat(email.subject()).as(notice.template()).isNotBlank().contains("+32 470 ** ** 56");
			assertThat(email.subject()).doesNotContain("\n");
			for (String part : new String[] { email.subject(), email.text(), email.html() }) {
				assertThat(PLACEHOLDER.matcher(part).find()).as(notice.template() + " " + locale + ": " + part)
					.isFalse();
			}
			assertThat(email.text()).contains("+32 470 ** ** 56").contains("/status/");
			assertThat(email.html()).contains("<html lang=\"" + locale.code() + "\"").contains("/status/");
		}
	}

	@ParameterizedTest
	@EnumSource(HolderLocale.class)
	void keepsEverySmsToOneSegmentBeforeItsLink(HolderLocale locale) {
		for (Notice notice : Fixtures.everyNotice(locale)) {
			String sms = this.renderer.sms(notice);
			String withoutLink = sms.replaceAll(" https://\\S+$", "");
			assertThat(PLACEHOLDER.matcher(sms).find()).as(sms).isFalse();
			assertThat(SmsSegments.count(withoutLink)).as(locale + " " + notice.template() + ": " + withoutLink)
				.isEqualTo(1);
			if (locale == HolderLocale.ZH) {
				assertThat(SmsSegments.count(sms)).as(sms).isLessThanOrEqualTo(4);
			}
			else {
				assertThat(Gsm7.encodes(sms)).as(locale + " is GSM-7: " + sms).isTrue();
				assertThat(SmsSegments.count(sms)).as(sms).isLessThanOrEqualTo(2);
			}
		}
	}

	@Test
	void sendsNoLinkWhenTheHolderHasNothingToDo() {
		for (Notice notice : Fixtures.everyNotice(HolderLocale.EN)) {
			String sms = this.renderer.sms(notice);
			boolean actionable = !(notice.tone() == Tone.INFORMATIONAL || notice.type() == MessageType.UPCOMING_CHARGE
					|| notice.type() == MessageType.RENEWAL_RECEIPT || notice.type() == MessageType.PAYMENT_REFUNDED
					|| notice.type() == MessageType.PAYMENT_PROCESSING);
			assertThat(sms.contains("https://")).as(sms).isEqualTo(actionable);
			assertThat(SmsSegments.count(sms)).isEqualTo(actionable ? 2 : 1);
		}
	}

	@Test
	void definesTheSameKeysInEveryLocale() {
		Set<String> english = this.messages.keys(HolderLocale.EN);
		for (HolderLocale locale : HolderLocale.values()) {
			assertThat(this.messages.keys(locale)).as(locale.code()).containsExactlyInAnyOrderElementsOf(english);
		}
	}

	@Test
	void translatesRatherThanCopiesEnglish() {
		for (HolderLocale locale : HolderLocale.values()) {
			if (locale == HolderLocale.EN) {
				continue;
			}
			Set<String> copied = new HashSet<>();
			for (String key : this.messages.keys(HolderLocale.EN)) {
				if (this.messages.raw(locale, key).equals(this.messages.raw(HolderLocale.EN, key))) {
					copied.add(key);
				}
			}
			assertThat(copied).as(locale.code()).isEmpty();
		}
	}

	@Test
	void formatsDatesAndMoneyTheWayTheHolderWritesThem() {
		Notice fr = Fixtures.everyNotice(HolderLocale.FR).get(1);
		String text = this.renderer.email(fr).text();
		assertThat(text).contains("30 septembre 2026").containsPattern("15,00[\\s\u00a0\u202f]€");
		assertThat(this.renderer.email(Fixtures.everyNotice(HolderLocale.DE).get(1)).text())
			.contains("30. September 2026")
			.containsPattern("15,00[\\s\u00a0\u202f]€");
		assertThat(this.renderer.email(Fixtures.everyNotice(HolderLocale.ZH).get(1)).text()).contains("2026年9月30日")
			.contains("€15.00");
		assertThat(this.renderer.email(Fixtures.everyNotice(HolderLocale.EN).get(1)).text())
			.contains("30 September 2026")
			.contains("€15.00");
		assertThat(this.renderer.email(Fixtures.everyNotice(HolderLocale.NL).get(1)).text())
			.contains("30 september 2026")
			.containsPattern("€[\\s\u00a0]15,00");
	}

	@Test
	void writesPayLinksThatVerifyForTheCycle() {
		Notice urgent = Fixtures.everyNotice(HolderLocale.NL).get(2);
		for (String part : new String[] { this.renderer.email(urgent).html(), this.renderer.email(urgent).text(),
				this.renderer.sms(urgent) }) {
			Matcher link = PAY_LINK.matcher(part);
			assertThat(link.find()).as(part).isTrue();
			LinkVerification verification = Fixtures.signer().verify(link.group(1), LinkPurpose.PAY);
			assertThat(verification).isInstanceOfSatisfying(LinkVerification.Valid.class,
					(valid) -> assertThat(valid.link().cycle()).isEqualTo(urgent.cycle()));
		}
	}

	@Test
	void escapesTheHolderNameInHtml() {
		Notice notice = Fixtures.everyNotice(HolderLocale.EN).get(0);
		Notice hostile = new Notice(notice.type(), notice.tone(), notice.occasion(), notice.sourceEventId(),
				notice.cycle(),
				new io.keepline.contracts.Holder("<b>Eve</b>", "eve@example.com", null, null, HolderLocale.EN,
						notice.holder().timeZone()),
				notice.stage(), notice.amount(), null, null, null, notice.operator());
		RenderedEmail email = this.renderer.email(hostile);
		assertThat(email.html()).contains("&lt;b").doesNotContain("<b>Eve");
		assertThat(email.text()).contains("Hello <b>Eve</b>,");
	}

	@Test
	void explainsWhyAnAutomaticChargeFailed() {
		Notice declined = Fixtures.everyNotice(HolderLocale.DE).get(5);
		assertThat(this.renderer.email(declined).text()).contains("Karte abgelehnt");
		Notice unknown = Fixtures.everyNotice(HolderLocale.DE).get(9);
		assertThat(this.renderer.email(unknown).text()).contains("Zahlung abgelehnt");
	}

}
