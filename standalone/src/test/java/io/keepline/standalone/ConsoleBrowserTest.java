package io.keepline.standalone;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.keepline.contracts.HolderLocale;
import io.keepline.standalone.console.Email;
import jakarta.mail.internet.MimeMessage;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console and the holder's status page in a real browser (Debian's headless Chromium
 * driven by Selenium through the system chromedriver): it opens with the banner's token
 * link only, the seeded lines are listed, and a holder clicks through pay, the sandbox
 * checkout and the status page. Skipped where Chromium is not installed; {@code .ci/run}
 * installs it.
 */
@ExtendWith(RunningPipeline.class)
class ConsoleBrowserTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private WebDriver browser;

	@BeforeEach
	void openBrowser() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"headless Chromium and chromedriver are not installed");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1280,1000");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void opensWithTheBannersLinkOnly(Pipeline pipeline) {
		this.browser.get(pipeline.consoleUrl() + "/outbox");
		assertThat(this.browser.getPageSource()).contains("open the link printed in the start-up banner");

		this.browser.get(pipeline.consoleLink());

		assertThat(this.browser.getCurrentUrl()).isEqualTo(pipeline.consoleUrl() + "/").doesNotContain("token");
		assertThat(this.browser.findElement(By.id("lines")).isDisplayed()).isTrue();
		this.browser.get(pipeline.consoleUrl() + "/outbox");
		assertThat(this.browser.findElement(By.id("emails")).isDisplayed()).isTrue();
		assertThat(this.browser.manage().getCookieNamed("keepline-console").isHttpOnly()).isTrue();
	}

	@Test
	void listsTheSeededLinesAndTakesAHolderThroughPayCheckoutAndStatus(Pipeline pipeline) {
		this.browser.get(pipeline.consoleLink());
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
			this.browser.navigate().refresh();
			assertThat(this.browser.findElements(By.cssSelector("#lines tr.line-row")))
				.hasSizeGreaterThanOrEqualTo(pipeline.seedReport().lines());
		});

		LineRegistered line = DemoLines.register(pipeline, "browser-" + UUID.randomUUID() + "@example.com");
		String msisdn = line.msisdn().value();
		awaitPayable(pipeline, line);

		this.browser.get(pipeline.consoleUrl() + "/?q=" + msisdn.substring(1));
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
			this.browser.findElement(By.linkText(msisdn)).click();
			this.browser.findElement(By.id("pay-link")).click();
			assertThat(this.browser.getCurrentUrl()).contains("/sandbox/checkout/");
		});
		assertThat(this.browser.getPageSource()).contains("SANDBOX");
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		awaitPage("/status/");
		assertThat(this.browser.getCurrentUrl()).contains("checkout=success");

		String renewed = line.validUntil()
			.plusDays(365)
			.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
			this.browser.get(pipeline.consoleUrl() + "/lines/" + msisdn);
			assertThat(this.browser.findElement(By.id("valid-until")).getText())
				.isEqualTo(line.validUntil().plusDays(365).toString());
			this.browser.findElement(By.id("status-link")).click();
			assertThat(this.browser.findElement(By.tagName("main")).getText()).contains(renewed);
		});
	}

	@Test
	void aHolderTurnsAutomaticRenewalOffThenRemovesTheCardOnTheStatusPage(Pipeline pipeline) throws Exception {
		LineRegistered line = DemoLines.register(pipeline, "card-" + UUID.randomUUID() + "@example.com", true);
		String card = "pm_browser_" + line.msisdn().value().substring(1);
		awaitPayable(pipeline, line);
		// the card payments published after the holder's setup, once the line is known
		try (KafkaProducer<Msisdn, PaymentEvent> producer = new KafkaProducer<>(
				DemoLines.cluster(pipeline).producerProperties(), Topics.PAYMENT_EVENTS.keySerde().serializer(),
				Topics.PAYMENT_EVENTS.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.PAYMENT_EVENTS.name(), line.msisdn(),
					new PaymentMethodSaved(UUID.randomUUID(), Instant.now(), line.msisdn(),
							new PaymentMethodRef("cus_browser", card, "visa", "4242", 12, 2040), "seti_" + card, null)))
				.get();
		}
		String status = StandaloneSettings.url(pipeline.settings().ports().payments()) + "/status/"
				+ LinkSigner.fromSecret(pipeline.linkSecret(), Clock.systemUTC())
					.issue(LinkPurpose.STATUS, new CycleId(line.msisdn(), line.validUntil()), Duration.ofHours(1));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			this.browser.get(status);
			assertThat(this.browser.findElement(By.tagName("main")).getText())
				.contains("will be charged to your visa card ending in 4242");
		});
		this.browser.findElement(By.xpath("//button[text()='Turn off automatic renewal']")).click();
		// each click posts a form and loads the page it answers: the old page's elements
		// go stale while it loads
		await().atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(this.browser.findElement(By.tagName("main")).getText()).contains(
					"Automatic renewal is off.",
					"Off. Your visa card ending in 4242 stays saved but is not charged automatically."));
		this.browser.findElement(By.xpath("//button[text()='Remove my card']")).click();

		await().atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(this.browser.findElement(By.tagName("main")).getText())
				.contains("Your card is removed and can no longer be charged.",
						"Off. Save a card to renew automatically.")
				.doesNotContain("4242"));
	}

	/**
	 * A French-speaking holder on a phone-sized screen (360 px): the reminder email, its
	 * pay link, the sandbox checkout, the status page, the receipt email, the status page
	 * once the operator topped up, the preference page and the email's unsubscribe page.
	 * Each page is in the holder's language ({@code lang}), passes axe-core with no
	 * serious or critical violation, and is kept as a screenshot under
	 * {@code target/holder-journey/}.
	 */
	@Test
	void aHolderGoesFromTheReminderToUnsubscribingOnAPhoneWithEveryPageAccessible(Pipeline pipeline) throws Exception {
		this.browser.manage().window().setSize(new Dimension(360, 800));
		String email = "journey-" + UUID.randomUUID() + "@example.com";
		LineRegistered line = DemoLines.register(pipeline, email, false, HolderLocale.FR);
		Journey journey = new Journey(this.browser, Path.of("target", "holder-journey"));

		MimeMessage reminder = await().atMost(Duration.ofSeconds(90))
			.until(() -> mailTo(pipeline, email), (mails) -> !mails.isEmpty())
			.get(0);
		journey.email("1-reminder-email", reminder);
		Matcher pay = Pattern.compile("https?://[^\\s\"'<>]+/pay/[A-Za-z0-9._~-]+")
			.matcher(Email.of(0, reminder).html());
		assertThat(pay.find()).as("pay link in the reminder").isTrue();

		this.browser.get(pay.group());
		assertThat(this.browser.getCurrentUrl()).contains("/sandbox/checkout/");
		journey.page("2-sandbox-checkout");
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		awaitPage("/status/");
		String status = this.browser.getCurrentUrl();
		journey.page("3-status-paid");

		journey.email("4-receipt-email",
				await().atMost(Duration.ofSeconds(60))
					.until(() -> mailTo(pipeline, email), (mails) -> mails.size() >= 2)
					.get(1));
		String renewed = line.validUntil()
			.plusDays(365)
			.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.FRENCH));
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
			this.browser.get(status);
			assertThat(this.browser.findElement(By.tagName("main")).getText()).contains(renewed);
		});
		journey.page("5-status-topped-up");

		this.browser.findElement(By.cssSelector(".preferences a")).click();
		awaitPage("/preferences/");
		journey.page("6-preferences");

		String unsubscribe = reminder.getHeader("List-Unsubscribe")[0];
		this.browser.get(unsubscribe.substring(1, unsubscribe.length() - 1));
		journey.page("7-unsubscribe");
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		// the answer to the POST has no form: wait until it replaced the question
		await().atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.until(() -> this.browser.findElements(By.tagName("form")).isEmpty());
		journey.page("8-unsubscribed");
	}

	/**
	 * Waits until the browser shows the page a click led to (its address contains
	 * {@code part}): a click returns before the next page has loaded.
	 */
	private void awaitPage(String part) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.browser.getCurrentUrl().contains(part));
	}

	private static List<MimeMessage> mailTo(Pipeline pipeline, String email) throws Exception {
		List<MimeMessage> mails = new ArrayList<>();
		for (MimeMessage message : pipeline.outbox().messages()) {
			if (message.getAllRecipients()[0].toString().contains(email)) {
				mails.add(message);
			}
		}
		return mails;
	}

	/**
	 * Checks and keeps each page of a holder's journey: its language, axe-core's serious
	 * and critical violations (none expected), a screenshot.
	 */
	private record Journey(WebDriver browser, Path screenshots) {

		private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

		/** An email's HTML part, opened as a page. */
		void email(String name, MimeMessage message) throws Exception {
			String html = Email.of(0, message).html();
			this.browser.get("data:text/html;charset=utf-8;base64,"
					+ Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
			page(name);
		}

		void page(String name) throws Exception {
			JavascriptExecutor js = (JavascriptExecutor) this.browser;
			assertThat(js.executeScript("return document.documentElement.lang")).as("%s: lang", name).isEqualTo("fr");
			js.executeScript(axeSource());
			Object violations = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "axe.run(document, {resultTypes: ['violations']}).then((r) => done(r.violations"
					+ ".filter((v) => v.impact === 'serious' || v.impact === 'critical')"
					+ ".map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ')).join(', '))),"
					+ " (e) => done(['axe failed: ' + e]));");
			Files.createDirectories(this.screenshots);
			Files.copy(((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath(),
					this.screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
			assertThat((List<?>) violations).as("%s: serious or critical axe-core violations", name).isEmpty();
		}

		private static String axeSource() throws Exception {
			try (InputStream in = Journey.class.getClassLoader().getResourceAsStream(AXE)) {
				assertThat(in).as("axe-core webjar on the test classpath").isNotNull();
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}

	}

	/**
	 * Waits until payments knows the cycle the reminder is about (its pay page
	 * redirects).
	 */
	private static void awaitPayable(Pipeline pipeline, LineRegistered line) {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		String payLink = StandaloneSettings.url(pipeline.settings().ports().payments()) + "/pay/"
				+ LinkSigner.fromSecret(pipeline.linkSecret(), Clock.systemUTC())
					.issue(LinkPurpose.PAY, new CycleId(line.msisdn(), line.validUntil()), Duration.ofHours(1));
		await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(payLink)).build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() / 100 == 3;
		});
	}

}
