package io.keepline.support.deadletters;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dead-letter admin's settings ({@code keepline.admin.*}).
 *
 * @param token the admin token that showing and replaying dead letters take
 * ({@code KEEPLINE_ADMIN_TOKEN}); no default: unset, only listing works
 * @param readTimeout how long reading a dead-letter topic (or the replay marks) may take
 */
@ConfigurationProperties("keepline.admin")
public record AdminSettings(String token, @DefaultValue("30s") Duration readTimeout) {

	@Override
	public String toString() {
		return "AdminSettings[token=" + ((this.token != null) ? "(set)" : "(unset)") + ", readTimeout="
				+ this.readTimeout + "]";
	}

}
