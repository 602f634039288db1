package io.keepline.standalone;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.keepline.ingest.IngestApplication;
import io.keepline.notifier.NotifierApplication;
import io.keepline.payments.PaymentsApplication;
import io.keepline.scheduler.SchedulerApplication;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLauncherTest {

	@Test
	void pointsEachServiceAtItsOwnApplicationYaml() throws Exception {
		assertThat(config(IngestApplication.class)).contains("port: 8081");
		assertThat(config(SchedulerApplication.class)).contains("port: 8082");
		assertThat(config(NotifierApplication.class)).contains("port: 8083");
		assertThat(config(PaymentsApplication.class)).contains("port: 8084");
	}

	static String config(Class<?> application) throws Exception {
		String location = ServiceLauncher.ownConfig(application);
		assertThat(location).startsWith("optional:").endsWith("application.yml");
		try (InputStream in = URI.create(location.substring("optional:".length())).toURL().openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
